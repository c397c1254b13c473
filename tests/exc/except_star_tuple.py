# catching with a tuple of classes
for exc in (KeyError, IndexError, ValueError):
    try:
        raise exc('m')
    except (KeyError, IndexError) as e:
        print('caught', type(e).__name__)
    except Exception as e:
        print('other', type(e).__name__)

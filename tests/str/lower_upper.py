# str.lower / upper / swapcase with unicode
for s in ['Hello', 'ÀÉÎõü', 'straße', 'ΑΒΓ δεζ', '123!']:
    print(repr(s.lower()), repr(s.upper()), repr(s.swapcase()))

# title() capitalizes after any non-letter, including apostrophes and digits
print("they're bill's 3rd friends".title(), 'hello-world_foo'.title(), 'ǆemal'.title())

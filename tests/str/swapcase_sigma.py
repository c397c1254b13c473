# lower() of capital sigma depends on position (final sigma)
print('ΟΔΟΣ'.lower(), 'Σ'.lower(), 'ΑΣ Β'.lower(), 'ΣΑ'.lower())

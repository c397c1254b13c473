# strip with multi-byte chars in the set
print('€€a€b€€'.strip('€'), 'éaé'.lstrip('é'), '😀x😀'.rstrip('😀'), 'αβγ'.strip('γα'))

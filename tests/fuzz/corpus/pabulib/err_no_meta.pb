hello;x

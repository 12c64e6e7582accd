name = 'alice

n = 100abc

café = "naïve" + * 2

line = f"{name!r:>{width}} = {value:.{precision}f}{'!' if loud else ''}"
empty = f""
plain = f"{x}"

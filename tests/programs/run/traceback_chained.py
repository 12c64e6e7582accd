# Chained exceptions: the context and the cause are printed before the final one.
class ConfigError(Exception):
    pass


def read(cfg):
    try:
        return cfg["port"]
    except KeyError as exc:
        raise ConfigError("port is missing") from exc


def start():
    try:
        read({})
    except ConfigError:
        undefined_function()


print("booting")
start()

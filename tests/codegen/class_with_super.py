@dataclass
class Child(Base, metaclass=Meta):
    """A child."""
    kind: str = "child"
    __secret = 1

    def __init__(self, name):
        super().__init__(name)
        self.__name = name

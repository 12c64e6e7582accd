# Enum behaviour that rests on metaclass hooks: EnumType.__setattr__ refusing to rebind a
# member, and EnumType.__call__ looking a member up without running __init__ again.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError", e)
print(Color.RED, Color.RED.value)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet((5.976e+24, 6.37814e6)), Planet(Planet.EARTH.value).radius)
Shade = Enum("Shade", "LIGHT DARK")
print(list(Shade), Shade(2))

import os
import os.path
import xml.etree.ElementTree as ET
from collections import OrderedDict as OD, deque
from . import sibling
from ..pkg.mod import *

"""Facts of the Coesfeld agreement from the domain brief, shared by the tests.

Written out here rather than read from `kim_cooperation.presets`, so that the
tests check the preset against the brief instead of against itself.
"""

TOWNS = (
    "Ascheberg",
    "Billerbeck",
    "Coesfeld",
    "Dülmen",
    "Havixbeck",
    "Lüdinghausen",
    "Nordkirchen",
    "Nottuln",
    "Olfen",
    "Rosendahl",
    "Senden",
)
"""The eleven parties (C1), in AGS order."""

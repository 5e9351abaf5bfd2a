"""One rule for how every field writes and reads numbers, whatever the system locale.

The article, the command line and every label write numbers one way: a decimal point and a
comma between thousands (0.5, 2,000). Whole-number fields (steps, hidden nodes, counts) follow
it through this locale; the decimal fields (gui.controls.number_box) read "0.5", also accept
"0,5" (their range stays far below a thousand, so the comma cannot mean thousands there).
Under de_DE, Qt's default would show steps as "2.000" beside an alpha of "0.5", and "1.000"
would mean 1000 in one field and 1 in the other.
"""

from PySide6.QtCore import QLocale

NUMBER_LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


# Arabic formats: Django's own leave YEAR_MONTH_FORMAT as "F Y" with Arabic month names;
# spell dates the way Arabic news does ("22 أغسطس 2025").
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

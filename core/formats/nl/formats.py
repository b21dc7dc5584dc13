# Dutch formats, with the ISO date accepted as input too because that is what
# <input type="date"> sends.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d-%m-%y", "%d/%m/%Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

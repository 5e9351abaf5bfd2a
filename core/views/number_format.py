"""How a prediction table writes its numbers: shared by the window and the command line."""


def format_target(value: float) -> str:
    """0 and 1 print as the article prints them; other targets keep their decimals."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def format_prediction(value: float) -> str:
    """Two decimals, as the article prints them; more when two would hide which side of 0.5
    the prediction is on (0.4996 and 0.5004 both round to 0.50), up to six."""
    for digits in range(2, 7):
        text = f"{value:.{digits}f}"
        if value == 0.5 or float(text) != 0.5:
            break
    return text


def format_difference(value: float) -> str:
    """Two decimals without a sign on zero ("-0.00" reads as an error of its own)."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def format_error(value: float, tolerance: float) -> str:
    """A function run's error, judged against its tolerance: two decimals, more (up to six)
    where two would hide which side of the tolerance its size is on (0.0504 reads 0.05, as if
    within 0.05). The table and the diagnosis both write it so: they once read 0.08 and 0.081."""
    for digits in range(2, 7):
        text = f"{value:.{digits}f}"
        if (abs(float(text)) <= tolerance) == (abs(value) <= tolerance):
            break
    return text[1:] if float(text) == 0 and text.startswith("-") else text


def format_input(row) -> str:
    return "[" + ", ".join(str(int(v)) for v in row) + "]"


def sample_text(x1: float, x2: float) -> str:
    """A function's grid sample, as the table ("[0.083, 0.92]") and the diagnosis ("at
    (0.083, 0.92)") both write it: two significant digits name a sample of a grid up to 21."""
    return f"{x1:.2g}, {x2:.2g}"

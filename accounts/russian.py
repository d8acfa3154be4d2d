"""Russian plural forms for numbers in interface messages."""

MINUTES = ("минуту", "минуты", "минут")
HOURS = ("час", "часа", "часов")


def plural_phrase(number: int, forms: tuple[str, str, str]) -> str:
    """Return the number with the noun form Russian grammar needs: 1 минуту, 2 минуты, 5 минут."""
    one, few, many = forms
    if number % 10 == 1 and number % 100 != 11:
        word = one
    elif 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        word = few
    else:
        word = many
    return f"{number} {word}"


def reset_link_lifetime(seconds: int) -> str:
    """Return how long a password-reset link lives, in hours (at least one)."""
    return plural_phrase(max(seconds // 3600, 1), HOURS)

"""Russian grammar the interface and the documents need: a noun that agrees with its number."""


def plural(number: int, one: str, few: str, many: str) -> str:
    """Return the noun form that agrees with the number: 1 год, 2 года, 5 лет, 11 лет."""
    tail = abs(number) % 100
    if 11 <= tail <= 14:
        return many
    last = tail % 10
    if last == 1:
        return one
    if 2 <= last <= 4:
        return few
    return many


def quantity(number: int, one: str, few: str, many: str) -> str:
    """Return the number with its agreeing noun: «1 минуту», «3 минуты», «5 минут»."""
    return f"{number} {plural(number, one, few, many)}"

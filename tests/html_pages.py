"""What a visitor reads on a served page: the texts of the elements a CSS selector picks."""

from bs4 import BeautifulSoup


def texts(response, selector: str) -> list[str]:
    """The text of every element matching `selector`, in page order, entities decoded."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [element.get_text(strip=True) for element in soup.select(selector)]

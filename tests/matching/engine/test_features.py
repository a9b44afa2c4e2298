import numpy as np

from matching.engine.features import MAX_POPULATION, ProfileVectorizer
from tests.matching.engine import city


def profiles():
    return [
        city("ua-a", "UA", challenges={"brain-drain": 3, "security": 2}, seeks=("libraries",)),
        city("se-b", "SE", challenges={"brain-drain": 1}, offers=("libraries", "music")),
        city("fi-c", "FI", challenges={"brain-drain": 2, "tourism": 1}, languages=("fi", "en")),
    ]


def test_vocabularies_are_sorted_and_ignore_input_order():
    forward = ProfileVectorizer().fit(profiles())
    backward = ProfileVectorizer().fit(profiles()[::-1])
    assert forward.challenge_slugs == ["brain-drain", "security", "tourism"]
    assert list(forward.theme_binarizer_.classes_) == ["libraries", "music"]
    np.testing.assert_array_equal(forward.idf_, backward.idf_)


def test_a_challenge_every_city_has_weighs_less_than_a_rare_one():
    vectorizer = ProfileVectorizer().fit(profiles())
    idf = dict(zip(vectorizer.challenge_slugs, vectorizer.idf_, strict=True))
    assert idf["brain-drain"] < idf["tourism"]
    assert min(idf.values()) >= 1.0  # a shared challenge always adds mass


def test_rows_carry_weights_themes_and_languages():
    m = ProfileVectorizer().fit(profiles()).transform(profiles())
    np.testing.assert_array_equal(m.challenges[0], [3, 2, 0])
    np.testing.assert_array_equal(m.seeks[0], [1, 0])
    np.testing.assert_array_equal(m.offers[1], [1, 1])
    np.testing.assert_array_equal(m.sought_count, [1, 0, 0])
    np.testing.assert_allclose(m.challenge_mass, m.challenges @ m.idf)
    assert m.languages.shape == (3, 2)  # en, fi
    assert m.text is None


def test_slugs_unseen_when_fitting_are_dropped_not_fatal():
    vectorizer = ProfileVectorizer().fit(profiles())
    stranger = city("md-x", "MD", challenges={"new-slug": 2}, offers=("new-theme",))
    m = vectorizer.transform([stranger])
    assert not m.challenges.any()
    assert not m.offers.any()


def test_huge_populations_are_capped_where_floats_stay_exact():
    m = ProfileVectorizer().fit([city("se-a")]).transform([city("se-a", population=10**30)])
    assert m.population[0] == MAX_POPULATION


def test_description_ngrams_match_across_spelling_only_when_asked():
    texts = [
        city("ua-a", "UA", description="Бібліотека для молоді"),
        city("se-b", "SE", description="Бібліотеки для молоді та музеї"),
        city("se-c", "SE", description="Harbour festival"),
    ]
    m = ProfileVectorizer(text=True).fit(texts).transform(texts)
    cosine = (m.text @ m.text.T).toarray()
    assert cosine[0, 1] > 0.3 > cosine[0, 2]
    assert ProfileVectorizer().fit(texts).transform(texts).text is None

from matching.names import romanian_form, ukrainian_form


def test_a_form_with_ukrainian_letters_is_chosen_over_russian_ones():
    assert ukrainian_form("UA", ["Жидачов", "Жидачів", "Жыдачив", "Zhydachiv"]) == "Жидачів"


def test_a_single_neutral_cyrillic_form_counts_for_places_in_ukraine_only():
    assert ukrainian_form("UA", ["Lebedyn", "Лебедин"]) == "Лебедин"
    assert ukrainian_form("MD", ["Единец", "Единцы"]) == ""


def test_ambiguous_forms_give_no_ukrainian_name():
    assert ukrainian_form("UA", ["Звенигородка", "Звенігородка", "Звенігородко"]) == ""


def test_moldovan_names_get_romanian_comma_letters():
    assert romanian_form("MD", "Vulcăneşti") == "Vulcănești"
    assert romanian_form("MD", "Edineţ") == "Edineț"
    assert romanian_form("UA", "Dubno") == ""

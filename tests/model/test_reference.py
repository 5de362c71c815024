from dayasos.model import LegalReference


class TestLegalReference:
    """A citation prints as lawyers write it."""

    def test_a_reference_prints_instrument_number_and_year(self):
        """Permensos 08/2012."""
        ref = LegalReference(instrument="Permensos", number="08", year=2012)

        assert "Permensos 08/2012" == str(ref)

    def test_an_article_follows_the_instrument(self):
        """Perpres 186/2014 Pasal 1."""
        ref = LegalReference(
            instrument="Perpres", number="186", year=2014, article="Pasal 1"
        )

        assert "Perpres 186/2014 Pasal 1" == str(ref)

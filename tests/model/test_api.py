import dayasos.model


class TestPublicApi:
    """The model's public namespace."""

    def test_every_exported_name_exists(self):
        """__all__ lists only names the package defines."""
        missing = [
            n for n in dayasos.model.__all__ if not hasattr(dayasos.model, n)
        ]

        assert [] == missing

    def test_every_public_class_documents_its_version(self):
        """Public classes and functions carry versionadded."""
        undocumented = [
            name
            for name in dayasos.model.__all__
            if isinstance(getattr(dayasos.model, name), type)
            and "versionadded"
            not in (getattr(dayasos.model, name).__doc__ or "")
        ]

        assert [] == undocumented

import pytest

from dayasos.errors import ValidationError
from dayasos.model import Schooling, SchoolLevel


class TestSchooling:
    """Schooling facts that contradict each other are refused."""

    def test_a_pupil_cannot_be_enrolled_at_no_level(self):
        """Enrolled with level NONE raises schooling.enrolled."""
        with pytest.raises(ValidationError) as info:
            Schooling(level=SchoolLevel.NONE, enrolled=True)

        assert "schooling.enrolled" == info.value.error_code

    @pytest.mark.parametrize(
        "level", [SchoolLevel.NONE, SchoolLevel.SD, SchoolLevel.SMP]
    )
    def test_compulsory_schooling_is_not_completed_below_sma(self, level):
        """12 years end at SMA: below it raises schooling.compulsory."""
        with pytest.raises(ValidationError) as info:
            Schooling(level=level, compulsory_completed=True)

        assert "schooling.compulsory" == info.value.error_code

    def test_compulsory_schooling_completed_at_sma(self):
        """SMA completed is the end of wajib belajar 12 tahun."""
        schooling = Schooling(
            level=SchoolLevel.SMA, enrolled=False, compulsory_completed=True
        )

        assert schooling.compulsory_completed

    def test_everything_unknown_is_a_valid_record(self):
        """A schooling record may hold no collected fact."""
        assert Schooling() == Schooling(
            level=None, enrolled=None, compulsory_completed=None
        )

    def test_levels_rank_from_none_to_higher(self):
        """Ranks follow the order of the levels."""
        assert list(range(6)) == [level.rank for level in SchoolLevel]

    def test_levels_have_their_indonesian_names(self):
        """SD includes MI, SMA includes MA and SMK."""
        assert ("SD/MI", "SMA/MA/SMK") == (
            SchoolLevel.SD.label_id,
            SchoolLevel.SMA.label_id,
        )

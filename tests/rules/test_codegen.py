"""Generated evaluation functions behave exactly as the closures."""

import datetime as dt
import operator

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from dayasos.errors import ParameterError, RuleDefinitionError
from dayasos.ids import Sex
from dayasos.model import (
    Family,
    FamilyMember,
    PregnancyStatus,
    Relation,
    SchoolLevel,
)
from dayasos.programs import catalogue
from dayasos.rules import (
    active_in,
    age_of,
    all_,
    all_of,
    any_of,
    count,
    each,
    either,
    graduated_from,
    root,
)
from dayasos.rules._codegen import _MAX_BLOCKS, generate
from dayasos.rules._compile import Context, Env, compile_expr
from dayasos.rules._entitlement import candidates_of, plan_year
from dayasos.testing import communities, families, institutions
from dayasos.testing._programs import (
    apd_recipients,
    kube_proposals,
    restorasi_activities,
)


DATES = st.dates(dt.date(2019, 1, 1), dt.date(2022, 12, 31))
#: A strategy for each kind of entity the catalogue decides, by name.
ENTITIES = {
    "Family": families(max_members=5),
    "ApdRecipient": apd_recipients(),
    "KubeProposal": kube_proposals(max_size=6),
    "Community": communities(),
    "Institution": institutions(),
    "RestorasiActivity": restorasi_activities(),
}
ENTRIES = catalogue()
#: The programmes paying member components.
PAYING = [
    e
    for e in ENTRIES
    if e.program.entitlement is not None and e.program.entitlement.components
]
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _state(env):
    return (list(env.reads), list(env.missing), env.item, env.prefix)


def _run(function, entity, on, item=None, prefix=None):
    """The value and everything the evaluation left on its env."""
    env = Env(entity, on)
    env.item, env.prefix = item, prefix
    return function(env), _state(env)


def _values(entry, on):
    """The parameter values a programme reads on `on`, as it binds them."""
    snapshot = entry.parameters.at(on)
    try:
        return {
            name: snapshot.entry(name).value
            for name in entry.program.parameters()
        }
    except ParameterError:
        reject()


def _in_force(entry):
    """The first days of the months (2019-2022) the programme runs."""
    found = []
    for year in range(2019, 2023):
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            snapshot = entry.parameters.at(first)
            try:
                for name in entry.program.parameters():
                    snapshot.entry(name)
            except ParameterError:
                continue
            found.append(first)
    return found


def _dates(entry):
    """Decision dates within the months the programme runs."""
    return st.builds(
        lambda first, day: first + dt.timedelta(days=day),
        st.sampled_from(_in_force(entry)),
        st.integers(0, 27),
    )


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.code)
class TestCriteria:
    """Every criterion of the catalogue, both ways."""

    @SETTINGS
    @given(data=st.data())
    def test_criteria_match_the_closures(self, entry, data):
        """Same value, reads, missing paths and env for each criterion."""
        entity = data.draw(ENTITIES[entry.program.entity.__name__])
        on = data.draw(_dates(entry))
        ctx = Context(_values(entry, on))
        for criterion in entry.program.criteria:
            expected = _run(compile_expr(criterion.test, ctx), entity, on)
            got = _run(generate(criterion.test, ctx), entity, on)
            assert expected == got, criterion.code


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.code)
def test_every_programme_runs_generated_functions(entry):
    """No criterion and no set of components falls back to closures."""
    on = _in_force(entry)[0]
    bound = entry.program.compile(entry.parameters, on)
    for _, test, _ in bound.criteria:
        assert test.__code__.co_filename.startswith("<dayasos rule")
    entitlement = entry.program.entitlement
    if entitlement is not None and entitlement.components:
        assert bound.entitlement is not None
        code = bound.entitlement.candidates.__code__  # not a partial
        assert code.co_filename.startswith("<dayasos rule")


@pytest.mark.parametrize("entry", PAYING, ids=lambda e: e.code)
class TestCandidates:
    """The award candidates of each paying programme, both ways."""

    @SETTINGS
    @given(data=st.data())
    def test_candidates_match_the_closures(self, entry, data):
        """Same candidates, completeness, reads and missing paths."""
        program = entry.program
        entity = data.draw(ENTITIES[program.entity.__name__])
        on = data.draw(_dates(entry))
        _values(entry, on)
        try:
            bound = program.compile(entry.parameters, on).entitlement
        except ParameterError:
            reject()
        items = getattr(entity, bound_over := program.members_field().dotted)
        if items is None:
            reject()
        plan = plan_year(entry.tahap or program.entitlement.schedule, on.year)
        assert bound.candidates is not None
        closures = Env(entity, on)
        expected = candidates_of(
            closures, bound_over, items, bound.components, plan
        )
        generated = Env(entity, on)
        got = bound.candidates(generated, items, bound_over, plan)
        assert expected == got
        assert _state(closures) == _state(generated)


family = root(Family)
member = each(FamilyMember)
person = member.person
age = age_of(person.birth_date)
COMPARISONS = (
    operator.lt,
    operator.le,
    operator.gt,
    operator.ge,
    lambda a, b: a.eq(b),
    lambda a, b: a.ne(b),
)
ITEM_LEAVES = (
    person.pregnancy.is_in(
        PregnancyStatus.PREGNANT, PregnancyStatus.POSTPARTUM
    ),
    person.schooling.level.eq(SchoolLevel.SD),
    person.schooling.level.is_in(SchoolLevel.SMP, SchoolLevel.SMA),
    person.schooling.enrolled,
    person.has_severe_disability,
    person.birth_date.is_known(),
    person.sex.eq(Sex.FEMALE),
    member.relation.eq(Relation.HEAD),
    member.relation.is_in(*list(Relation)[1:]),
    person.deceased,
)


def _compared(left):
    return st.builds(
        lambda op, k: op(left, k),
        st.sampled_from(COMPARISONS),
        st.integers(-1, 70),
    )


def _junctions(children):
    many = st.lists(children, min_size=2, max_size=4)
    return st.one_of(
        children.map(operator.invert),
        many.map(lambda xs: all_(*xs)),
        many.map(lambda xs: either(*xs)),
    )


item_leaves = st.one_of(st.sampled_from(ITEM_LEAVES), _compared(age))
item_predicates = st.recursive(item_leaves, _junctions, max_leaves=8)
aggregates = st.one_of(
    st.builds(lambda w: any_of(family.members, w), item_predicates),
    st.builds(lambda w: all_of(family.members, w), item_predicates),
    item_predicates.flatmap(lambda w: _compared(count(family.members, w))),
    _compared(count(family.members)),
    st.builds(
        lambda a, b, k: (
            count(family.members, a) + count(family.members, b) >= k
        ),
        item_predicates,
        item_predicates,
        st.integers(0, 6),
    ),
)
entity_leaves = st.one_of(
    _compared(family.decile),
    _compared(family.decile * 2 - 1),
    st.just(family.decile.is_known()),
    st.just(family.decile.is_in(1, 2, 4)),
    st.just(graduated_from("PKH")),
    st.just(active_in("PKH")),
    aggregates,
)
entity_predicates = st.recursive(entity_leaves, _junctions, max_leaves=6)


class TestAnyTree:
    """Trees the catalogue does not hold: the two evaluators agree."""

    @settings(max_examples=300, deadline=None)
    @given(
        expr=entity_predicates,
        family_=families(max_members=4),
        on=DATES,
    )
    def test_entity_trees(self, expr, family_, on):
        """A family-level tree: same value, reads, missing and env."""
        ctx = Context({})
        expected = _run(compile_expr(expr, ctx), family_, on)
        assert expected == _run(generate(expr, ctx), family_, on)

    @settings(max_examples=300, deadline=None)
    @given(expr=item_predicates, family_=families(max_members=3), on=DATES)
    def test_item_trees(self, expr, family_, on):
        """A tree over one member, read with the member set on the env."""
        ctx = Context({})
        ctx.collection = "members"
        closure, generated = compile_expr(expr, ctx), generate(expr, ctx)
        for index, item in enumerate(family_.members):
            prefix = ("members", index)
            expected = _run(closure, family_, on, item, prefix)
            assert expected == _run(generated, family_, on, item, prefix)

    @given(family_=families(max_members=3), on=DATES)
    @settings(max_examples=50, deadline=None)
    def test_deep_trees_call_closures_below_the_limit(self, family_, on):
        """Nesting past what one function may hold still agrees."""
        expr = person.deceased
        for depth in range(3 * _MAX_BLOCKS):
            leaf = ITEM_LEAVES[depth % len(ITEM_LEAVES)]
            expr = either(expr & leaf, ~leaf) if depth % 2 else expr & leaf
        tree = any_of(family.members, expr) | (family.decile <= 4)
        ctx = Context({})
        expected = _run(compile_expr(tree, ctx), family_, on)
        assert expected == _run(generate(tree, ctx), family_, on)


class TestChecks:
    """The generated function refuses what the closures refuse."""

    def test_item_field_outside_an_aggregation(self):
        """An item field read at the entity level is a definition error."""
        with pytest.raises(RuleDefinitionError) as raised:
            generate(person.deceased, Context({}))
        assert raised.value.error_code == "rules.item_outside"

    def test_parameter_not_looked_up(self):
        """A parameter without a value is refused as by the closures."""
        from dayasos.rules import param  # noqa: PLC0415 - local to the test

        with pytest.raises(ParameterError) as raised:
            generate(family.decile <= param("x.max"), Context({}))
        assert raised.value.error_code == "parameter.unknown"

"""The seed's lifecycles of deals and links between events (`[[transitions]]` and
`[[event_links]]` in facts.toml), loaded after the records they name."""

from __future__ import annotations

from deals import services as deals_services
from deals.models import Deal, Development, Investment, Lawsuit

#: The kinds of record an event link's end may name in the seed, by key.
LINKABLE = {
    "deal": Deal,
    "investment": Investment,
    "lawsuit": Lawsuit,
    "development": Development,
}


class EventsLoading:
    """The sections of `_Loader` that need the deals and lawsuits loaded first."""

    def _end(self, where: str, entry: dict, name: str):
        end = entry.get(name) or {}
        if len(end) != 1 or next(iter(end)) not in LINKABLE:
            kinds = ", ".join(LINKABLE)
            raise self.error(f'{where}: {name} names one record, as {{ deal = "slug" }} ({kinds}).')
        ((kind, slug),) = end.items()
        return self._ref(where, LINKABLE[kind], slug)

    def load_transitions(self):
        for number, entry in enumerate(self.facts.get("transitions", []), start=1):
            where = f"transitions[{entry.get('deal', '?')} #{number}]"
            deal = self._ref(where, Deal, entry["deal"])
            step = self._create(
                where,
                deals_services.deal_transition_add,
                deal=deal,
                status=entry["status"],
                **self._text(entry, "note", "note_ar"),
                **self._date(where, entry, "occurred"),
            )
            self._cite(where, entry, step)

    def load_event_links(self):
        for number, entry in enumerate(self.facts.get("event_links", []), start=1):
            where = f"event_links[#{number}]"
            link = self._create(
                where,
                deals_services.event_link_add,
                subject=self._end(where, entry, "subject"),
                relation=entry["relation"],
                target=self._end(where, entry, "target"),
                **self._text(entry, "note", "note_ar"),
            )
            self._cite(where, entry, link)

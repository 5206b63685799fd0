// 搜索: both sides of the market, with facets (click one to filter) and highlighted passages.
import { t, label } from '../i18n.js';
import { h, put, clear, fragment, emptyState } from '../dom.js';
import { get } from '../api.js';
import { fieldName, regionName } from '../names.js';
import { loadFields, regionOptions, fieldSelect, pager } from './common.js';
import { notify } from '../notify.js';

const state = { q: '', type: '', field: '', region: '', minTrl: '', page: 0 };

export async function searchView(container, args, { isCurrent }) {
  const all = await loadFields();
  if (!isCurrent()) return;
  const q = h('input#search-q', { testid: 'search-q', type: 'search', value: state.q, placeholder: t('search.placeholder'), maxlength: '200' });
  const type = h('select#search-type', { testid: 'search-type' },
    h('option', { value: '' }, t('common.all')),
    ['achievement', 'demand'].map((v) => h('option', { value: v, selected: state.type === v }, t(`type.${v}`))));
  const fieldFilter = fieldSelect('search-field', state.field, all);
  const region = h('input#search-region', {
    testid: 'search-region', value: state.region, placeholder: t('search.regionPlaceholder'), maxlength: '6', inputmode: 'numeric', list: 'search-region-options',
  });
  const minTrl = h('select#search-min-trl', { testid: 'search-min-trl' },
    h('option', { value: '' }, t('common.all')),
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: String(n), selected: state.minTrl === String(n) }, `TRL ≥ ${n}`)));
  const facets = h('aside.facets', { testid: 'search-facets' });
  const results = h('div.search-results', { testid: 'search-results' });

  const submit = () => {
    Object.assign(state, { q: q.value.trim(), type: type.value, field: fieldFilter.value, region: region.value.trim(), minTrl: minTrl.value, page: 0 });
    load();
  };
  put(container, 
    h('header.page-head', {}, h('h1', {}, t('search.title'))),
    h('form.search-bar', { testid: 'search-form', onsubmit: (e) => { e.preventDefault(); submit(); } },
      h('div.search-main', {}, q, h('button.primary', { type: 'submit', testid: 'search-submit' }, t('search.submit'))),
      h('div.filters.inline-filters', {},
        h('label', {}, h('span', {}, t('search.type')), type),
        h('label', {}, h('span', {}, t('queue.field')), fieldFilter),
        h('label', {}, h('span', {}, t('search.region')), region, regionOptions('search-region-options')),
        h('label', {}, h('span', {}, t('search.minTrl')), minTrl))),
    h('div.search-layout', {}, facets, results));

  // A facet click sets that filter and searches again.
  const choose = (name, value) => {
    state[name] = state[name] === value ? '' : value;
    state.page = 0;
    if (name === 'type') type.value = state.type;
    if (name === 'field') fieldFilter.value = state.field;
    if (name === 'region') region.value = state.region;
    load();
  };

  async function load() {
    let page;
    try {
      page = await get('/api/search', {
        q: state.q, type: state.type, field: state.field, region: state.region, minTrl: state.minTrl, page: state.page, size: 20,
      });
    } catch (e) {
      notify(e);
      return;
    }
    if (!isCurrent()) return;
    put(clear(facets), 
      facetGroup('search.facetType', 'type', page.facets?.type, (k) => t(`type.${k}`), choose),
      facetGroup('search.facetField', 'field', page.facets?.field, (k, b) => (fieldName(k) !== k ? fieldName(k) : b.label ?? k), choose),
      facetGroup('search.facetRegion', 'region', page.facets?.region, (k, b) => b.label ?? regionName(k), choose),
      facetGroup('search.facetStatus', null, page.facets?.status, (k) => label('status', k)));
    put(clear(results), 
      h('div.result-count', { testid: 'search-count' }, t('search.results', { total: page.totalItems })),
      page.items.length ? h('ol.result-list', {}, page.items.map(resultItem)) : emptyState(t('search.empty')),
      pager(page, (n) => { state.page = n; load(); }));
  }

  await load();
}

function facetGroup(titleKey, name, buckets, labelOf, choose) {
  if (!buckets?.length) return null;
  return h('section.facet', { testid: `facet-${name ?? 'status'}` },
    h('h3', {}, t(titleKey)),
    h('ul', {}, buckets.map((b) => h('li', {},
      name
        ? h(`button.facet-value${state[name] === b.key ? '.selected' : ''}`, { type: 'button', onclick: () => choose(name, b.key), dataset: { key: b.key } },
          h('span', {}, labelOf(b.key, b)), h('span.count', {}, String(b.count)))
        : h('span.facet-value', {}, h('span', {}, labelOf(b.key, b)), h('span.count', {}, String(b.count)))))));
}

function resultItem(item) {
  const highlights = Object.entries(item.highlights ?? {}).filter(([name, v]) => name !== 'title' && v?.length);
  const titleFragments = item.highlights?.title?.[0];
  return h('li.result', { testid: 'search-result', dataset: { type: item.type, id: item.id } },
    h('div.result-head', {},
      h(`span.kind.kind-${item.type}`, {}, t(`type.${item.type}`)),
      h('h3', {}, h('a', { href: `#/record/${item.type}/${item.id}`, testid: 'search-open' }, titleFragments ? fragment(titleFragments) : item.title)),
      item.confidential ? h('span.badge.confidential', {}, t('search.confidential')) : null),
    h('div.result-meta.muted', {},
      [item.organisation, fieldName(item.fieldCode), item.regionCode ? regionName(item.regionCode) : null,
        item.trl != null ? `TRL ${item.trl}` : null, item.minTrl != null ? `TRL ≥ ${item.minTrl}` : null,
        label('status', item.status)].filter(Boolean).join(' · ')),
    highlights.length ? h('div.result-highlights', {}, highlights.slice(0, 3).flatMap(([, fragments]) =>
      fragments.slice(0, 1).map((f) => h('p', {}, fragment(f))))) : null);
}

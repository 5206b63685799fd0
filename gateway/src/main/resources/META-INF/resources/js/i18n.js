// Every label of the console, one dictionary per language. Chinese first; the choice is remembered.

const STORAGE_KEY = 'techbridge.lang';

const zh = {
  'app.name': '科技成果转化供需对接平台',
  'app.subtitle': 'TechBridge 技术经纪人工作台',
  'app.footer': '科技成果转化供需对接平台 · 供需精准对接',
  'lang.switch': 'English',

  'nav.queue': '待审队列',
  'nav.board': '对接看板',
  'nav.stats': '统计',
  'nav.search': '搜索',
  'nav.mineDemands': '我的需求',
  'nav.mineAchievements': '我的成果',
  'nav.pairs': '我的对接',
  'nav.logout': '退出',

  'role.broker': '技术经纪人',
  'role.admin': '平台运营',
  'role.enterprise': '企业',
  'role.university': '高校院所',

  'login.title': '登录',
  'login.lead': '技术经纪人、企业和高校院所使用同一入口登录。',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.expired': '登录已过期，请重新登录。',

  'common.loading': '加载中…',
  'common.empty': '暂无数据',
  'common.apply': '筛选',
  'common.reset': '重置',
  'common.all': '全部',
  'common.prev': '上一页',
  'common.next': '下一页',
  'common.page': '第 {page} / {pages} 页，共 {total} 条',
  'common.back': '返回',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.open': '查看',
  'common.note': '备注',
  'common.yuan': '元',
  'common.wan': '万元',
  'common.yi': '亿元',
  'common.negotiable': '面议',
  'common.none': '—',
  'common.error': '操作失败',
  'common.saved': '已保存',
  'common.refresh': '刷新',

  'queue.title': '待审队列',
  'queue.lead': '系统推荐的供需配对，按匹配度从高到低排列。请逐一审核：批准后进入对接看板，驳回需注明原因。',
  'queue.field': '技术领域',
  'queue.minScore': '最低匹配度',
  'queue.score': '匹配度',
  'queue.demand': '企业需求',
  'queue.achievement': '科技成果',
  'queue.terms': '命中词',
  'queue.created': '推荐时间',
  'queue.empty': '队列中没有待审的配对。',

  'pair.title': '配对详情',
  'pair.score': '综合匹配度',
  'pair.semantic': '语义相似度',
  'pair.bm25': '文本相关度（BM25）',
  'pair.factors': '评分构成',
  'pair.factorsLead': '各因素贡献之和即综合匹配度。',
  'pair.factor': '因素',
  'pair.value': '得分',
  'pair.weight': '权重',
  'pair.contribution': '贡献',
  'pair.reason': '说明',
  'pair.matchedTerms': '命中词',
  'pair.highlights': '命中片段',
  'pair.achievement': '科技成果（供给方）',
  'pair.demand': '企业需求（需求方）',
  'pair.history': '流转记录',
  'pair.decision': '审核',
  'pair.approve': '批准配对',
  'pair.reject': '驳回',
  'pair.reasonCode': '驳回原因',
  'pair.notePlaceholder': '给同事或对接双方的说明（可选）',
  'pair.approved': '已批准，配对进入对接看板。',
  'pair.rejected': '已驳回。',
  'pair.toBoard': '前往对接看板',
  'pair.status': '状态',
  'pair.contract': '技术合同',
  'pair.introduction': '引荐',
  'pair.acceptIntro': '接受引荐',
  'pair.declineIntro': '婉拒引荐',
  'pair.introLead': '技术经纪人已为您引荐此项成果。接受后，双方可看到彼此的联系方式。',
  'pair.accepted': '已接受引荐，双方联系方式已公开。',
  'pair.declined': '已婉拒引荐。',
  'pair.disclosed': '企业已接受引荐',
  'pair.notDisclosed': '待企业确认引荐',
  'pair.confidentialDemand': '保密需求：仅显示摘要',

  'rec.title': '名称',
  'rec.organisation': '单位',
  'rec.institution': '完成单位',
  'rec.enterprise': '需求企业',
  'rec.field': '技术领域',
  'rec.trl': '技术成熟度',
  'rec.minTrl': '最低成熟度要求',
  'rec.stage': '成果所处阶段',
  'rec.region': '所在地区',
  'rec.keywords': '关键词',
  'rec.summary': '成果简介',
  'rec.advantages': '技术优势 / 经济效益',
  'rec.problem': '拟解决的技术难题',
  'rec.indicators': '技术指标',
  'rec.price': '转让价格',
  'rec.budget': '预算',
  'rec.modes': '转化方式',
  'rec.cooperation': '合作方式',
  'rec.ipForms': '知识产权形式',
  'rec.patents': '专利号',
  'rec.inventors': '发明人',
  'rec.contact': '联系人',
  'rec.contactHidden': '联系方式在企业接受引荐后公开',
  'rec.validUntil': '有效期至',
  'rec.status': '状态',
  'rec.confidentiality': '保密级别',
  'rec.challenge': '揭榜挂帅',
  'rec.bounty': '榜单金额',
  'rec.freeTrial': '先使用后付费',
  'rec.version': '版本',

  'board.title': '对接看板',
  'board.lead': '已批准的配对在此推进：引荐 → 洽谈 → 签约；任何阶段都可标记为未成交。',
  'board.moveTo': '推进到',
  'board.contractTitle': '登记技术合同',
  'board.amount': '合同金额（元）',
  'board.registrationNo': '技术合同登记号',
  'board.registrationHint': '字母、数字和“-”，6–64 位',
  'board.failTitle': '标记为未成交',
  'board.moved': '已推进到 {status}',
  'board.empty': '暂无',

  'stats.title': '统计',
  'stats.lead': '按月统计（北京时间），默认最近 12 个月。',
  'stats.from': '起始月份',
  'stats.to': '截止月份',
  'stats.field': '技术领域',
  'stats.byMonth': '按月：配对与签约',
  'stats.turnoverByMonth': '按月：技术合同成交额',
  'stats.byField': '按技术领域：配对数',
  'stats.turnoverByField': '按技术领域：技术合同成交额',
  'stats.byRegion': '按地区（省级）',
  'stats.region': '地区',
  'metric.achievementsRegistered': '登记成果',
  'metric.demandsPosted': '发布需求',
  'metric.pairsProposed': '推荐配对',
  'metric.pairsApproved': '批准配对',
  'metric.pairsIntroduced': '完成引荐',
  'metric.contractsSigned': '签订合同',
  'metric.contractTurnoverCny': '技术合同成交额',
  'metric.achievementsTransferred': '转化科技成果',
  'metric.enterprisesServed': '服务企业',

  'search.title': '搜索',
  'search.placeholder': '输入关键词，例如：表面缺陷检测、储能、石墨烯',
  'search.submit': '搜索',
  'search.type': '类型',
  'search.region': '地区代码',
  'search.regionPlaceholder': '如 330000',
  'search.minTrl': '最低成熟度',
  'search.facetType': '类型',
  'search.facetField': '技术领域',
  'search.facetRegion': '地区',
  'search.facetStatus': '状态',
  'search.results': '共 {total} 条结果',
  'search.confidential': '保密',
  'search.empty': '没有找到符合条件的成果或需求。',

  'mine.demandsTitle': '我的需求',
  'mine.achievementsTitle': '我的成果',
  'mine.lead': '本单位发布的记录；点开一条可查看实时推荐排名。',
  'mine.ranking': '实时推荐排名',
  'mine.rankingLead': '系统根据最新数据计算的最佳匹配，按匹配度排列。',
  'mine.pairStatus': '对接状态',
  'mine.empty': '本单位暂无记录。',
  'pairs.title': '我的对接',
  'pairs.lead': '经技术经纪人批准的配对及其进展。',
  'pairs.counterpart': '对方',
  'pairs.empty': '暂无进行中的对接。',

  'type.achievement': '科技成果',
  'type.demand': '企业需求',

  'status.PROPOSED': '待审',
  'status.WITHDRAWN': '已撤回',
  'status.APPROVED': '已批准',
  'status.REJECTED': '已驳回',
  'status.INTRODUCED': '已引荐',
  'status.NEGOTIATING': '洽谈中',
  'status.CONTRACTED': '已签约',
  'status.FAILED': '未成交',
  'status.DRAFT': '草稿',
  'status.PUBLISHED': '已发布',
  'status.TRANSFERRED': '已转化',
  'status.OPEN': '征集中',
  'status.IN_NEGOTIATION': '洽谈中',
  'status.SOLVED': '已解决',
  'status.CLOSED': '已关闭',
  'status.EXPIRED': '已过期',

  'reason.TOO_EARLY': '成果尚不成熟',
  'reason.FIELD_MISMATCH': '技术领域不符',
  'reason.BENEFIT_UNCLEAR': '效益不明确',
  'reason.PRICE_MISMATCH': '价格与预算不符',
  'reason.REGION': '地域不合适',
  'reason.DUPLICATE': '重复配对',
  'reason.OTHER': '其他',

  'factor.semantic': '语义相似',
  'factor.lexical': '关键词命中',
  'factor.field': '领域契合',
  'factor.maturity': '成熟度',
  'factor.modes': '合作方式',
  'factor.budget': '价格预算',
  'factor.region': '地域',
  'factor.freshness': '时效',

  'mode.ASSIGNMENT': '转让',
  'mode.LICENSE': '许可',
  'mode.EQUITY': '作价入股',
  'mode.JOINT_DEVELOPMENT': '合作开发',
  'mode.TECHNICAL_SERVICE': '技术服务',

  'stage.EARLY': '初期（小试）',
  'stage.PILOT': '中期（中试）',
  'stage.MATURE': '成熟（产业化）',

  'ip.INVENTION_PATENT': '发明专利',
  'ip.UTILITY_MODEL': '实用新型',
  'ip.DESIGN': '外观设计',
  'ip.SOFTWARE_COPYRIGHT': '软件著作权',
  'ip.PLANT_VARIETY': '植物新品种',
  'ip.KNOW_HOW': '技术秘密',
  'ip.OTHER': '其他',

  'conf.PUBLIC': '公开',
  'conf.BROKERS_ONLY': '仅经纪人可见',

  'error.network': '无法连接服务器，请稍后再试。',
  'error.forbidden': '您没有权限执行此操作。',
  'error.notFound': '记录不存在或您无权查看。',
  'error.conflict': '该记录已被他人修改，请刷新后重试。',
};

const en = {
  'app.name': 'TechBridge technology-transfer matchmaking',
  'app.subtitle': 'Broker console',
  'app.footer': 'TechBridge · precise supply–demand matching',
  'lang.switch': '中文',

  'nav.queue': 'Review queue',
  'nav.board': 'Pipeline board',
  'nav.stats': 'Statistics',
  'nav.search': 'Search',
  'nav.mineDemands': 'My demands',
  'nav.mineAchievements': 'My achievements',
  'nav.pairs': 'My pairs',
  'nav.logout': 'Log out',

  'role.broker': 'Technology broker',
  'role.admin': 'Platform operator',
  'role.enterprise': 'Enterprise',
  'role.university': 'University / institute',

  'login.title': 'Log in',
  'login.lead': 'Brokers, enterprises and universities all log in here.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.expired': 'Your session has ended; please log in again.',

  'common.loading': 'Loading…',
  'common.empty': 'Nothing here yet',
  'common.apply': 'Filter',
  'common.reset': 'Reset',
  'common.all': 'All',
  'common.prev': 'Previous',
  'common.next': 'Next',
  'common.page': 'Page {page} of {pages}, {total} in all',
  'common.back': 'Back',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
  'common.open': 'Open',
  'common.note': 'Note',
  'common.yuan': 'CNY',
  'common.wan': '×10k CNY',
  'common.yi': '×100m CNY',
  'common.negotiable': 'negotiable',
  'common.none': '—',
  'common.error': 'That did not work',
  'common.saved': 'Saved',
  'common.refresh': 'Refresh',

  'queue.title': 'Review queue',
  'queue.lead': 'Pairs the matcher proposes, best first. Approve to move a pair to the pipeline board; a rejection needs a reason.',
  'queue.field': 'Technical field',
  'queue.minScore': 'Minimum score',
  'queue.score': 'Score',
  'queue.demand': 'Demand',
  'queue.achievement': 'Achievement',
  'queue.terms': 'Matched terms',
  'queue.created': 'Proposed',
  'queue.empty': 'No proposals are waiting for review.',

  'pair.title': 'Pair',
  'pair.score': 'Score',
  'pair.semantic': 'Semantic similarity',
  'pair.bm25': 'Text relevance (BM25)',
  'pair.factors': 'How the score is made up',
  'pair.factorsLead': 'The factor contributions add up to the score.',
  'pair.factor': 'Factor',
  'pair.value': 'Value',
  'pair.weight': 'Weight',
  'pair.contribution': 'Adds',
  'pair.reason': 'Why',
  'pair.matchedTerms': 'Matched terms',
  'pair.highlights': 'Matched passages',
  'pair.achievement': 'Achievement (supply)',
  'pair.demand': 'Demand (enterprise)',
  'pair.history': 'History',
  'pair.decision': 'Review',
  'pair.approve': 'Approve pair',
  'pair.reject': 'Reject',
  'pair.reasonCode': 'Reason',
  'pair.notePlaceholder': 'A note for colleagues or the two sides (optional)',
  'pair.approved': 'Approved; the pair is now on the pipeline board.',
  'pair.rejected': 'Rejected.',
  'pair.toBoard': 'Go to the pipeline board',
  'pair.status': 'Status',
  'pair.contract': 'Technology contract',
  'pair.introduction': 'Introduction',
  'pair.acceptIntro': 'Accept introduction',
  'pair.declineIntro': 'Decline introduction',
  'pair.introLead': 'A broker has introduced this achievement to you. Once you accept, both sides see each other\'s contact details.',
  'pair.accepted': 'Introduction accepted; contact details are now shared.',
  'pair.declined': 'Introduction declined.',
  'pair.disclosed': 'Enterprise accepted',
  'pair.notDisclosed': 'Awaiting the enterprise',
  'pair.confidentialDemand': 'Confidential demand: summary only',

  'rec.title': 'Title',
  'rec.organisation': 'Organisation',
  'rec.institution': 'Institution',
  'rec.enterprise': 'Enterprise',
  'rec.field': 'Technical field',
  'rec.trl': 'Maturity (TRL)',
  'rec.minTrl': 'Minimum TRL wanted',
  'rec.stage': 'Stage',
  'rec.region': 'Region',
  'rec.keywords': 'Keywords',
  'rec.summary': 'Summary',
  'rec.advantages': 'Advantages / economic benefit',
  'rec.problem': 'Problem to solve',
  'rec.indicators': 'Technical indicators',
  'rec.price': 'Asking price',
  'rec.budget': 'Budget',
  'rec.modes': 'Transfer modes',
  'rec.cooperation': 'Cooperation modes',
  'rec.ipForms': 'IP forms',
  'rec.patents': 'Patent numbers',
  'rec.inventors': 'Inventors',
  'rec.contact': 'Contact',
  'rec.contactHidden': 'Contact details are shared once the enterprise accepts an introduction',
  'rec.validUntil': 'Valid until',
  'rec.status': 'Status',
  'rec.confidentiality': 'Confidentiality',
  'rec.challenge': 'Open challenge',
  'rec.bounty': 'Bounty',
  'rec.freeTrial': 'Use first, pay later',
  'rec.version': 'Version',

  'board.title': 'Pipeline board',
  'board.lead': 'Approved pairs move on here: introduction → negotiation → contract; any stage can be marked failed.',
  'board.moveTo': 'Move to',
  'board.contractTitle': 'Register the technology contract',
  'board.amount': 'Contract amount (CNY)',
  'board.registrationNo': 'Contract registration number',
  'board.registrationHint': 'letters, digits and "-", 6–64 characters',
  'board.failTitle': 'Mark as failed',
  'board.moved': 'Moved to {status}',
  'board.empty': 'None',

  'stats.title': 'Statistics',
  'stats.lead': 'Whole months (Beijing time); by default the last 12 months.',
  'stats.from': 'From month',
  'stats.to': 'To month',
  'stats.field': 'Technical field',
  'stats.byMonth': 'By month: pairs and contracts',
  'stats.turnoverByMonth': 'By month: contract turnover',
  'stats.byField': 'By field: pairs',
  'stats.turnoverByField': 'By field: contract turnover',
  'stats.byRegion': 'By province',
  'stats.region': 'Region',
  'metric.achievementsRegistered': 'Achievements registered',
  'metric.demandsPosted': 'Demands posted',
  'metric.pairsProposed': 'Pairs proposed',
  'metric.pairsApproved': 'Pairs approved',
  'metric.pairsIntroduced': 'Pairs introduced',
  'metric.contractsSigned': 'Contracts signed',
  'metric.contractTurnoverCny': 'Contract turnover',
  'metric.achievementsTransferred': 'Achievements transferred',
  'metric.enterprisesServed': 'Enterprises served',

  'search.title': 'Search',
  'search.placeholder': 'Words to look for, e.g. surface defect, energy storage, graphene',
  'search.submit': 'Search',
  'search.type': 'Type',
  'search.region': 'Region code',
  'search.regionPlaceholder': 'e.g. 330000',
  'search.minTrl': 'Minimum TRL',
  'search.facetType': 'Type',
  'search.facetField': 'Technical field',
  'search.facetRegion': 'Region',
  'search.facetStatus': 'Status',
  'search.results': '{total} results',
  'search.confidential': 'confidential',
  'search.empty': 'No achievement or demand matches.',

  'mine.demandsTitle': 'My demands',
  'mine.achievementsTitle': 'My achievements',
  'mine.lead': 'The records of your organisation; open one to see its live ranking.',
  'mine.ranking': 'Live ranking',
  'mine.rankingLead': 'The best matches on the latest data, best first.',
  'mine.pairStatus': 'Pair status',
  'mine.empty': 'Your organisation has no records yet.',
  'pairs.title': 'My pairs',
  'pairs.lead': 'Pairs a broker approved, and how far they got.',
  'pairs.counterpart': 'Counterpart',
  'pairs.empty': 'No pairs yet.',

  'type.achievement': 'Achievement',
  'type.demand': 'Demand',

  'status.PROPOSED': 'Proposed',
  'status.WITHDRAWN': 'Withdrawn',
  'status.APPROVED': 'Approved',
  'status.REJECTED': 'Rejected',
  'status.INTRODUCED': 'Introduced',
  'status.NEGOTIATING': 'Negotiating',
  'status.CONTRACTED': 'Contracted',
  'status.FAILED': 'Failed',
  'status.DRAFT': 'Draft',
  'status.PUBLISHED': 'Published',
  'status.TRANSFERRED': 'Transferred',
  'status.OPEN': 'Open',
  'status.IN_NEGOTIATION': 'In negotiation',
  'status.SOLVED': 'Solved',
  'status.CLOSED': 'Closed',
  'status.EXPIRED': 'Expired',

  'reason.TOO_EARLY': 'Too early',
  'reason.FIELD_MISMATCH': 'Field mismatch',
  'reason.BENEFIT_UNCLEAR': 'Benefit unclear',
  'reason.PRICE_MISMATCH': 'Price mismatch',
  'reason.REGION': 'Region',
  'reason.DUPLICATE': 'Duplicate',
  'reason.OTHER': 'Other',

  'factor.semantic': 'Semantic',
  'factor.lexical': 'Terms',
  'factor.field': 'Field',
  'factor.maturity': 'Maturity',
  'factor.modes': 'Modes',
  'factor.budget': 'Budget',
  'factor.region': 'Region',
  'factor.freshness': 'Freshness',

  'mode.ASSIGNMENT': 'Assignment',
  'mode.LICENSE': 'Licence',
  'mode.EQUITY': 'Equity',
  'mode.JOINT_DEVELOPMENT': 'Joint development',
  'mode.TECHNICAL_SERVICE': 'Technical service',

  'stage.EARLY': 'Early (laboratory)',
  'stage.PILOT': 'Pilot',
  'stage.MATURE': 'Mature (industrialised)',

  'ip.INVENTION_PATENT': 'Invention patent',
  'ip.UTILITY_MODEL': 'Utility model',
  'ip.DESIGN': 'Design',
  'ip.SOFTWARE_COPYRIGHT': 'Software copyright',
  'ip.PLANT_VARIETY': 'Plant variety',
  'ip.KNOW_HOW': 'Know-how',
  'ip.OTHER': 'Other',

  'conf.PUBLIC': 'Public',
  'conf.BROKERS_ONLY': 'Brokers only',

  'error.network': 'The server cannot be reached; please try again.',
  'error.forbidden': 'You may not do this.',
  'error.notFound': 'No such record, or you may not see it.',
  'error.conflict': 'Someone else changed this record; refresh and try again.',
};

const DICTIONARIES = { zh, en };
const listeners = new Set();

let current = readStoredLanguage();

function readStoredLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyStatic();
  listeners.forEach((listener) => listener(current));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The label for a key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? DICTIONARIES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`).toString());
}

/** Whether a key has a label (server enum values we do not know fall back to the raw value). */
export function has(key) {
  return key in DICTIONARIES[current];
}

export function label(prefix, value) {
  if (value === null || value === undefined || value === '') return t('common.none');
  const key = `${prefix}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** Labels the static parts of index.html (elements with data-i18n). */
export function applyStatic() {
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  document.title = current === 'en' ? 'TechBridge console' : 'TechBridge 科技成果转化供需对接平台';
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  const switcher = document.getElementById('lang-switch');
  if (switcher) {
    switcher.textContent = t('lang.switch');
    switcher.setAttribute('lang', current === 'en' ? 'zh-CN' : 'en');
  }
}

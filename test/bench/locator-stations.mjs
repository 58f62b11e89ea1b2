// Deterministic station data sets for the locator's browser tests and its benchmark: `count` stations
// spread over 12 districts × 6 communities around Qinghe (36.06 N, 103.83 E), every kind and service,
// a handful of realistic opening-hours specs, bilingual names and addresses.

const DISTRICTS = [
  ['城关区', 'Chengguan'], ['七里河区', 'Qilihe'], ['西固区', 'Xigu'], ['安宁区', 'Anning'],
  ['红古区', 'Honggu'], ['永登县', 'Yongdeng'], ['皋兰县', 'Gaolan'], ['榆中县', 'Yuzhong'],
  ['东岗镇', 'Donggang'], ['雁滩乡', 'Yantan'], ['盐场镇', 'Yanchang'], ['九州镇', 'Jiuzhou'],
];
const COMMUNITIES = [['东关', 'Dongguan'], ['南关', 'Nanguan'], ['西门', 'Ximen'], ['北关', 'Beiguan'], ['新桥', 'Xinqiao'], ['和平', 'Heping']];
const KINDS = [
  ['rights-centre', '维权中心', 'Rights Centre'], ['dv-complaint-station', '家暴投诉站', 'DV Complaint Station'],
  ['community-service-point', '维权服务点', 'Rights Service Point'], ['legal-aid-station', '法律援助工作站', 'Legal-aid Station'],
  ['injury-assessment-centre', '伤情鉴定中心', 'Injury Assessment Centre'], ['counselling-room', '心理咨询室', 'Counselling Room'],
  ['shelter', '庇护所', 'Shelter'], ['other', '妇女之家', "Women's Home"],
];
const SERVICES = ['legal-consultation', 'dv-complaints', 'mediation', 'counselling', 'legal-aid', 'medical', 'shelter', 'education', 'hardship-relief'];
const HOURS = ['Mo-Fr 08:30-12:00,14:30-17:30', 'Tu 09:00-11:30', '24/7', 'Mo-Sa 09:00-18:00', 'We,Fr 14:00-17:00', 'Mo-Fr 09:00-17:00; PH off'];

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @returns {import('@rights-kit/sdk').Station[]} */
export function generateStations(count = 5000, seed = 42) {
  const random = mulberry32(seed);
  const stations = [];
  for (let i = 0; i < count; i++) {
    const [dZh, dEn] = DISTRICTS[i % DISTRICTS.length];
    const [cZh, cEn] = COMMUNITIES[Math.floor(i / DISTRICTS.length) % COMMUNITIES.length];
    const [kind, kZh, kEn] = KINDS[i % KINDS.length];
    const services = SERVICES.filter(() => random() < 0.3);
    if (services.length === 0) services.push(SERVICES[i % SERVICES.length]);
    const n = i + 1;
    stations.push({
      id: `gen-${n}`,
      name: { 'zh-CN': `${dZh}${cZh}社区${kZh}${n}号`, en: `${dEn} ${cEn} ${kEn} No. ${n}` },
      kind,
      services,
      address: { 'zh-CN': `${dZh}${cZh}路${(n % 300) + 1}号`, en: `${(n % 300) + 1} ${cEn} Road, ${dEn}` },
      district: { 'zh-CN': dZh, en: dEn },
      community: { 'zh-CN': `${cZh}社区`, en: `${cEn} Community` },
      location: { lat: 36.06 + (random() - 0.5) * 0.8, lng: 103.83 + (random() - 0.5) * 1.0 },
      phone: `0931-${String(8000000 + n).slice(0, 7)}`,
      openingHours: HOURS[i % HOURS.length],
      notes: i % 5 === 1 ? { 'zh-CN': '每周二为志愿者接待日。', en: 'Every Tuesday is volunteer reception day.' } : undefined,
      accessibility: i % 3 === 0 ? [{ 'zh-CN': '无障碍通道', en: 'Step-free access' }] : undefined,
    });
  }
  return stations;
}

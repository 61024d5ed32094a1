/**
 * 事故类别: after GB 6441-86 (企业职工伤亡事故分类) plus the kinds the seeds and the regulation
 * treat apart (道路交通, 火灾, 燃气爆炸). An editable code list: the zh label is what users know.
 */
export const ACCIDENT_KIND_LABELS = {
  poisoning_asphyxiation: '中毒和窒息 (poisoning / asphyxiation)',
  gas_explosion: '燃气爆炸 (gas explosion)',
  collapse: '坍塌 (collapse)',
  road_traffic: '道路交通 (road traffic)',
  fire: '火灾 (fire)',
  fall_from_height: '高处坠落 (fall from height)',
  object_strike: '物体打击 (struck by object)',
  vehicle_injury: '车辆伤害 (vehicle injury)',
  machinery_injury: '机械伤害 (machinery injury)',
  lifting_injury: '起重伤害 (lifting injury)',
  electrocution: '触电 (electrocution)',
  drowning: '淹溺 (drowning)',
  scalding: '灼烫 (scalding / burns)',
  roof_fall: '冒顶片帮 (roof or rib fall)',
  water_inrush: '透水 (water inrush)',
  firedamp_explosion: '瓦斯爆炸 (firedamp / coal-dust explosion)',
  blasting: '放炮 (blasting)',
  explosives_explosion: '火药爆炸 (explosives explosion)',
  boiler_explosion: '锅炉爆炸 (boiler explosion)',
  vessel_explosion: '容器爆炸 (pressure-vessel explosion)',
  other_explosion: '其他爆炸 (other explosion)',
  other: '其他伤害 (other)',
} as const;

export type AccidentKind = keyof typeof ACCIDENT_KIND_LABELS;
export const ACCIDENT_KINDS = Object.keys(ACCIDENT_KIND_LABELS) as AccidentKind[];

/**
 * 统计口径: the sectors accident statistics and control indicators count by (002 篇六: 生产经营性
 * 道路交通、铁路交通、农业机械、工矿商贸 "四项合计"); `other` is outside the four.
 */
export const ACCIDENT_SECTOR_LABELS = {
  industry_trade: '工矿商贸 (industry, mining and trade)',
  road_traffic: '生产经营性道路交通 (commercial road traffic)',
  railway: '铁路交通 (railway)',
  agricultural_machinery: '农业机械 (agricultural machinery)',
  other: '其他 (other)',
} as const;

export type AccidentSector = keyof typeof ACCIDENT_SECTOR_LABELS;
export const ACCIDENT_SECTORS = Object.keys(ACCIDENT_SECTOR_LABELS) as AccidentSector[];

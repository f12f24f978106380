// Word lists behind the generated 行政处罚 rows of bench/penalty-rows.ts: 平顶山市 (4104xx) areas,
// company names, person names and the market-regulation offences a 市场监督管理局 typically publishes.

/** Registration areas (GB/T 2260 4104xx) and the prefix their company names carry. */
export const AREAS: readonly { code: string; name: string; namePrefix: string }[] = [
  { code: '410402', name: '新华区', namePrefix: '平顶山市新华区' },
  { code: '410403', name: '卫东区', namePrefix: '平顶山市卫东区' },
  { code: '410404', name: '石龙区', namePrefix: '平顶山市石龙区' },
  { code: '410411', name: '湛河区', namePrefix: '平顶山市湛河区' },
  { code: '410421', name: '宝丰县', namePrefix: '宝丰县' },
  { code: '410422', name: '叶县', namePrefix: '叶县' },
  { code: '410423', name: '鲁山县', namePrefix: '鲁山县' },
  { code: '410425', name: '郏县', namePrefix: '郏县' },
  { code: '410481', name: '舞钢市', namePrefix: '舞钢市' },
  { code: '410482', name: '汝州市', namePrefix: '汝州市' },
];

/** 字号 (trade names). */
export const TRADE_NAMES = [
  '鑫源', '华泰', '恒达', '宏远', '金鼎', '瑞丰', '盛世', '天成', '鼎盛', '永昌', '中原', '鹰城', '平安', '汇通',
  '东方', '博远', '祥和', '福瑞', '佳美', '振兴', '兴隆', '顺达', '嘉禾', '德润', '锦程', '昌盛', '豫通', '华强',
  '安泰', '宇恒', '新源', '立信', '正大', '宏盛', '聚鑫', '泰和', '亿丰', '诚信', '和顺', '百川', '通达', '金诺',
  '银河', '凯瑞', '明远', '思源', '尧山', '白龟', '应国', '龙腾', '昆阳', '香山', '沙河', '汝瓷', '宝龙', '春晖',
];

/** 行业 of a company name. */
export const INDUSTRIES = [
  '商贸', '建筑工程', '餐饮管理', '食品', '医药', '物流', '机械设备', '建材', '汽车销售', '农业科技', '电子科技',
  '化工', '煤业', '矿山机械', '物业管理', '装饰工程', '酒店管理', '文化传媒', '网络科技', '电力工程', '钢材',
  '纺织', '服饰', '家具', '环保科技', '新能源', '广告', '超市', '大药房', '五金机电',
];

/** Shop kinds of a 个体工商户 name. */
export const SHOP_KINDS = ['便利店', '烩面馆', '五金店', '服装店', '超市', '药店', '副食店', '汽车修理部', '饭店', '水果店', '烟酒店', '理发店'];

export const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤'];
export const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅志鹏飞海燕宇晨浩然子涵欣怡佳琪振东永生文博雪松春燕新民'];

export const ROADS = ['建设路', '中兴路', '矿工路', '开源路', '光明路', '湛河北路', '新华路', '体育路', '凌云路', '姚孟路', '南环路', '神马大道', '长安大道', '育英路', '和平路', '人民路'];

/** What the goods or premises were, for the 违法事实 text. */
export const GOODS = ['预包装食品', '散装白酒', '食用植物油', '儿童玩具', '电线电缆', '化妆品', '农资化肥', '液化石油气钢瓶', '保健食品', '眼镜', '建筑钢材', '电动自行车'];

/** One offence: 违法行为类型, the 违法事实 it produces, 处罚依据, and what it usually draws. */
export interface Offence {
  type: string;
  fact: (p: { start: string; end: string; place: string; goods: string; qty: number; value: number; gain: number }) => string;
  basis: string;
  /** Goods the offence is about, when not any of {@link GOODS}. */
  goods?: readonly string[];
}

const FOODS = ['预包装食品', '散装白酒', '食用植物油', '保健食品', '速冻水饺', '乳制品'];

export const OFFENCES: readonly Offence[] = [
  {
    type: '经营超过保质期的食品',
    fact: (p) => `经查，当事人于${p.start}至${p.end}期间在${p.place}经营场所销售超过保质期的${p.goods}共计${p.qty}件，货值金额${p.value}元，违法所得${p.gain}元。上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。`,
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项；《中华人民共和国行政处罚法》第三十二条',
    goods: FOODS,
  },
  {
    type: '未按规定公示年度报告',
    fact: (p) => `经查，当事人未按照《企业信息公示暂行条例》规定的期限公示年度报告，执法人员于${p.start}在${p.place}现场检查时发现其经营场所仍在营业，经责令限期改正后至${p.end}仍未改正。`,
    basis: '《企业信息公示暂行条例》第十八条；《市场监督管理严重违法失信名单管理办法》第十三条',
  },
  {
    type: '虚假或者引人误解的商业宣传',
    fact: (p) => `经查，当事人自${p.start}起在其位于${p.place}的门店及网络店铺中对所售${p.goods}作“全网最低价”“国家级品质”等虚假宣传，至${p.end}被查处时共销售${p.qty}件，销售额${p.value}元。`,
    basis: '《中华人民共和国反不正当竞争法》第八条第一款、第二十条第一款',
  },
  {
    type: '销售不合格产品',
    fact: (p) => `经抽样检验，当事人于${p.start}在${p.place}销售的${p.goods}经检验不合格，当事人共购进${p.qty}件，截至${p.end}已售出部分，货值金额${p.value}元，违法所得${p.gain}元。`,
    basis: '《中华人民共和国产品质量法》第三十九条、第五十条',
  },
  {
    type: '使用未经检验的特种设备',
    fact: (p) => `经查，当事人在${p.place}使用的电梯及压力容器共${(p.qty % 5) + 1}台，检验合格证已于${p.start}过期，当事人未按规定申请定期检验，至${p.end}检查时仍在使用。`,
    basis: '《中华人民共和国特种设备安全法》第四十条第三款、第八十四条第（一）项',
  },
  {
    type: '不明码标价',
    fact: (p) => `经查，当事人于${p.start}至${p.end}期间在${p.place}经营场所销售${p.goods}等商品共${p.qty}种，未按规定明码标价，销售额${p.value}元。`,
    basis: '《中华人民共和国价格法》第十三条第一款、第四十二条；《明码标价和禁止价格欺诈规定》第二十一条',
  },
  {
    type: '使用未经检定的计量器具',
    fact: (p) => `经查，当事人在${p.place}经营中使用的电子计价秤共${(p.qty % 6) + 1}台，自${p.start}起未按规定申请周期检定，至${p.end}检查时仍用于贸易结算。`,
    basis: '《中华人民共和国计量法》第九条第一款；《中华人民共和国计量法实施细则》第四十三条',
  },
  {
    type: '发布违法广告',
    fact: (p) => `经查，当事人于${p.start}至${p.end}期间在${p.place}户外广告牌及微信公众号发布含有“最佳”“第一品牌”等绝对化用语的${p.goods}广告，广告费用${p.value}元。`,
    basis: '《中华人民共和国广告法》第九条第（三）项、第五十七条第（一）项',
  },
  {
    type: '销售侵犯注册商标专用权的商品',
    fact: (p) => `经查，当事人于${p.start}在${p.place}购进并销售假冒他人注册商标的${p.goods}共${p.qty}件，至${p.end}被查获时库存${p.qty % 97}件，货值金额${p.value}元。`,
    basis: '《中华人民共和国商标法》第五十七条第（三）项、第六十条第二款',
  },
  {
    type: '未取得食品经营许可从事食品经营',
    fact: (p) => `经查，当事人自${p.start}起未取得食品经营许可证即在${p.place}从事餐饮服务，至${p.end}被查处时经营额${p.value}元，违法所得${p.gain}元。`,
    basis: '《中华人民共和国食品安全法》第三十五条第一款、第一百二十二条第一款',
    goods: FOODS,
  },
];

/** 处罚类别 mixes by weight: codes mostly, Chinese names sometimes (the importer takes both). */
export const CATEGORY_MIXES: readonly { weight: number; value: string; fine: boolean; confiscate: boolean; licence: boolean }[] = [
  { weight: 26, value: '01', fine: false, confiscate: false, licence: false },
  { weight: 44, value: '03', fine: true, confiscate: false, licence: false },
  { weight: 10, value: '01;03', fine: true, confiscate: false, licence: false },
  { weight: 8, value: '03;04', fine: true, confiscate: true, licence: false },
  { weight: 5, value: '罚款', fine: true, confiscate: false, licence: false },
  { weight: 3, value: '警告；罚款', fine: true, confiscate: false, licence: false },
  { weight: 2, value: '03;04;05', fine: true, confiscate: true, licence: false },
  { weight: 1, value: '10;03', fine: true, confiscate: false, licence: false },
  { weight: 1, value: '08', fine: false, confiscate: false, licence: true },
];

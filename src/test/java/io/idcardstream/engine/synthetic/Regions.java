package io.idcardstream.engine.synthetic;

import java.util.List;

/**
 * County-level divisions the generator places people in. Every code is in the current GB/T 2260 table; the
 * authority follows the real naming (districts: 市公安局 + district + 分局, counties and county-level cities: their
 * own 公安局).
 */
final class Regions {

    static final List<Region> ALL = List.of(
            new Region("110101", "北京市东城区", "北京市公安局东城分局"),
            new Region("110105", "北京市朝阳区", "北京市公安局朝阳分局"),
            new Region("110108", "北京市海淀区", "北京市公安局海淀分局"),
            new Region("120101", "天津市和平区", "天津市公安局和平分局"),
            new Region("130102", "河北省石家庄市长安区", "石家庄市公安局长安分局"),
            new Region("140105", "山西省太原市小店区", "太原市公安局小店分局"),
            new Region("150102", "内蒙古自治区呼和浩特市新城区", "呼和浩特市公安局新城区分局"),
            new Region("210102", "辽宁省沈阳市和平区", "沈阳市公安局和平分局"),
            new Region("220102", "吉林省长春市南关区", "长春市公安局南关分局"),
            new Region("230103", "黑龙江省哈尔滨市南岗区", "哈尔滨市公安局南岗分局"),
            new Region("310104", "上海市徐汇区", "上海市公安局徐汇分局"),
            new Region("310115", "上海市浦东新区", "上海市公安局浦东分局"),
            new Region("320102", "江苏省南京市玄武区", "南京市公安局玄武分局"),
            new Region("320583", "江苏省昆山市", "昆山市公安局"),
            new Region("330106", "浙江省杭州市西湖区", "杭州市公安局西湖区分局"),
            new Region("330424", "浙江省海盐县", "海盐县公安局"),
            new Region("330782", "浙江省义乌市", "义乌市公安局"),
            new Region("340104", "安徽省合肥市蜀山区", "合肥市公安局蜀山分局"),
            new Region("350203", "福建省厦门市思明区", "厦门市公安局思明分局"),
            new Region("360102", "江西省南昌市东湖区", "南昌市公安局东湖分局"),
            new Region("370102", "山东省济南市历下区", "济南市公安局历下区分局"),
            new Region("410105", "河南省郑州市金水区", "郑州市公安局金水分局"),
            new Region("420106", "湖北省武汉市武昌区", "武汉市公安局武昌区分局"),
            new Region("430104", "湖南省长沙市岳麓区", "长沙市公安局岳麓分局"),
            new Region("440106", "广东省广州市天河区", "广州市公安局天河区分局"),
            new Region("440304", "广东省深圳市福田区", "深圳市公安局福田分局"),
            new Region("440305", "广东省深圳市南山区", "深圳市公安局南山分局"),
            new Region("450103", "广西壮族自治区南宁市青秀区", "南宁市公安局青秀分局"),
            new Region("460105", "海南省海口市秀英区", "海口市公安局秀英分局"),
            new Region("500103", "重庆市渝中区", "重庆市公安局渝中区分局"),
            new Region("510107", "四川省成都市武侯区", "成都市公安局武侯区分局"),
            new Region("520102", "贵州省贵阳市南明区", "贵阳市公安局南明分局"),
            new Region("530102", "云南省昆明市五华区", "昆明市公安局五华分局"),
            new Region("540102", "西藏自治区拉萨市城关区", "拉萨市公安局城关分局"),
            new Region("610113", "陕西省西安市雁塔区", "西安市公安局雁塔分局"),
            new Region("620102", "甘肃省兰州市城关区", "兰州市公安局城关分局"),
            new Region("630102", "青海省西宁市城东区", "西宁市公安局城东分局"),
            new Region("640104", "宁夏回族自治区银川市兴庆区", "银川市公安局兴庆区分局"),
            new Region("650102", "新疆维吾尔自治区乌鲁木齐市天山区", "乌鲁木齐市公安局天山区分局"));

    private Regions() {
    }
}

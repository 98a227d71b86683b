package io.idcardstream.identity;

import java.util.List;

/**
 * What a resident ID card prints after 民族: the 56 ethnic groups (GB/T 3304), names printed on cards issued
 * before a group was renamed (崩龙 became 德昂 in 1985, 毛难 became 毛南 in 1986, 僮 became 壮 in 1965) and the
 * entries used for people outside the 56 (穿青人, 其他, 外国血统). A closed list: a value outside it was misread.
 */
public final class NationNames {
    public static final List<String> ALL = List.of(
            "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
            "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
            "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
            "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
            "崩龙", "毛难", "僮", "穿青人", "其他", "外国血统");

    private NationNames() {}

    public static boolean isKnown(String printed) {
        return ALL.contains(printed);
    }
}

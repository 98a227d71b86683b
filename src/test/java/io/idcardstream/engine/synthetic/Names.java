package io.idcardstream.engine.synthetic;

import io.idcardstream.identity.PrintedSex;
import java.util.List;
import java.util.random.RandomGenerator;

/** Common Chinese surnames and given-name characters, all inside the PP-OCR character dictionary. */
final class Names {

    static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
            "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
            "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
            "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦", "邱",
            "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱",
            "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马", "上官", "诸葛", "东方", "慕容");

    static final List<String> MALE_GIVEN = List.of(
            "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
            "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "峰", "建", "国", "志", "文", "海",
            "东", "亮", "成", "晨", "博", "子", "轩", "然", "天", "泽", "家", "振", "德", "荣");

    static final List<String> FEMALE_GIVEN = List.of(
            "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "燕", "玲", "桂", "丹", "萍", "红", "玉", "兰", "英",
            "梅", "琳", "雪", "婷", "慧", "倩", "欣", "悦", "佳", "颖", "洁", "晶", "怡", "琪", "雯", "萱", "诗", "梦",
            "月", "思", "雨", "晓");

    private Names() {
    }

    /** A surname plus one or two given-name characters (two in about two thirds of names, as in the population). */
    static String random(PrintedSex sex, RandomGenerator random) {
        List<String> given = sex == PrintedSex.MALE ? MALE_GIVEN : FEMALE_GIVEN;
        StringBuilder name = new StringBuilder(SURNAMES.get(random.nextInt(SURNAMES.size())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < length; i++) {
            name.append(given.get(random.nextInt(given.size())));
        }
        return name.toString();
    }
}

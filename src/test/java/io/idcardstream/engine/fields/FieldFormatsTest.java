package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.FieldName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BIRTH|1987年1月1日|1987/1/1",
        "BIRTH|2013年05月06日|2013/5/6",
        "BIRTH|1978 年10 月27 日|1978/10/27",
        "BIRTH|1990年12月22E|1990/12/22",
        "BIRTH|1990年13月22日|1990年13月22日",
        "VALID_DATE|2005.10.08-2025.10.08|2005.10.08-2025.10.08",
        "VALID_DATE|2008.09.20长期|2008.09.20-长期",
        "VALID_DATE|2010.01.01一2020.12.12|2010.01.01-2020.12.12",
        "VALID_DATE|2010.01.0|2010.01.0",
        "SEX|男|男",
        "SEX|女性|女",
        "SEX|勇|勇",
        "ID_NUM|44052419870101001x|44052419870101001X",
        "ID_NUM|44O524l98701010014|440524198701010014",
        "ID_NUM|4405241987010100|4405241987010100",
        "NAME|李 明|李明",
        "NAME|·肖玉雯|肖玉雯",
        "NAME|，上官浩|上官浩",
        "NAME|阿依古丽·买买提|阿依古丽·买买提",
        "ADDRESS|北京市 石景山区|北京市石景山区",
        "ADDRESS|红旗村8组20号.|红旗村8组20号",
        "ADDRESS|：重庆市渝中区科技园路44号|重庆市渝中区科技园路44号",
        "ADDRESS|3#楼(东)1-2号|3#楼(东)1-2号",
        "ID_NUM|·350203198001011234|350203198001011234",
        "AUTHORITY|·深圳市公安局福田分局|深圳市公安局福田分局",
        "VALID_DATE|：2007.10.03-2017.10.03|2007.10.03-2017.10.03",
    })
    void shouldWriteFieldsInTheApiFormatWithoutGuessing(FieldName field, String raw, String expected) {
        assertThat(FieldFormats.format(field, raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NAME|·肖玉雯|true",
        "NAME|阿依古丽·买买提|false",
        "ADDRESS|3#楼(东)1-2号|false",
        "BIRTH|2015.年2月24日|false",
        "VALID_DATE|2005.10.08-2025.10.08|false",
        "ID_NUM|320102198001014129.|true",
    })
    void shouldSayWhenItDroppedPunctuationSpecks(FieldName field, String raw, boolean dropped) {
        assertThat(FieldFormats.specksDropped(field, raw)).isEqualTo(dropped);
    }
}

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
        "ADDRESS|北京市 石景山区|北京市石景山区",
    })
    void shouldWriteFieldsInTheApiFormatWithoutGuessing(FieldName field, String raw, String expected) {
        assertThat(FieldFormats.format(field, raw)).isEqualTo(expected);
    }
}

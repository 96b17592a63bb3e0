package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Field lookups, which RecordFields now shares between records of one layout. */
class RecordFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordFields fields(String json) throws Exception {
        return new RecordFields(JSON.readTree(json));
    }

    @Test
    void exactNameWinsThenFirstCaseInsensitiveMatchInRecordOrder() throws Exception {
        RecordFields both = fields("{\"devicename\":\"lower\",\"DeviceName\":\"exact\",\"DEVICENAME\":\"upper\"}");
        assertThat(both.text("DeviceName")).isEqualTo("exact");
        assertThat(both.text("deviceNAME")).isEqualTo("lower");
        assertThat(both.unread().fieldNames()).toIterable().containsExactly("DEVICENAME");
    }

    @Test
    void recordsOfOneLayoutKeepTheirOwnValuesAndUse() throws Exception {
        RecordFields first = fields("{\"a\":1,\"B\":\"x\",\"c\":null,\"d\":true}");
        RecordFields second = fields("{\"a\":2,\"B\":\"y\",\"c\":null,\"d\":false}");
        assertThat(first.longValue("A")).isEqualTo(1L);
        assertThat(second.text("b")).isEqualTo("y");
        assertThat(second.has("c")).isFalse();
        assertThat(second.peek("missing")).isNull();
        assertThat(second.node("missing")).isNull();
        assertThat(first.unread().fieldNames()).toIterable().containsExactly("B", "d");
        assertThat(second.unread().fieldNames()).toIterable().containsExactly("a", "d");
    }

    @Test
    void theSameNamesInAnotherOrderAreAnotherLayout() throws Exception {
        RecordFields ordered = fields("{\"x\":1,\"Y\":2}");
        RecordFields reversed = fields("{\"Y\":3,\"x\":4}");
        ordered.markUsed("y");
        reversed.markUsed("y");
        assertThat(ordered.unread().toString()).isEqualTo("{\"x\":1}");
        assertThat(reversed.unread().toString()).isEqualTo("{\"x\":4}");
        assertThat(reversed.intValue("X")).isEqualTo(4);
    }

    @Test
    void aMissRememberedForOneLayoutDoesNotHideTheFieldInAnother() throws Exception {
        assertThat(fields("{\"p\":1}").peek("AccountUpn")).isNull();
        assertThat(fields("{\"p\":1,\"accountupn\":\"u@contoso.com\"}").text("AccountUpn")).isEqualTo("u@contoso.com");
        assertThat(fields("{}").unread().isEmpty()).isTrue();
    }
}

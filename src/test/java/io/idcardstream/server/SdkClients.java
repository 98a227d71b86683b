package io.idcardstream.server;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRResponse;
import com.tencentcloudapi.ocr.v20181119.models.ReflectDetailInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The unmodified official SDK pointed at a local server, the way the research note (2.2) says users do it,
 * and whole-answer views of what it returns.
 */
public final class SdkClients {
    public static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private SdkClients() {}

    /** Endpoint override: {@code http://127.0.0.1:<port>}, signing service {@code 127}. */
    public static OcrClient client(IdCardOcrServer server, String secretId, String secretKey) {
        return new OcrClient(new Credential(secretId, secretKey), "ap-guangzhou", profile(server.endpoint()));
    }

    public static ClientProfile profile(String endpoint) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setConnTimeout(5);
        http.setReadTimeout(30);
        http.setWriteTimeout(30);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return profile;
    }

    /** Every field of a success answer except the RequestId, in the API's order. */
    public static Map<String, Object> fields(IDCardOCRResponse response) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", response.getName());
        fields.put("Sex", response.getSex());
        fields.put("Nation", response.getNation());
        fields.put("Birth", response.getBirth());
        fields.put("Address", response.getAddress());
        fields.put("IdNum", response.getIdNum());
        fields.put("Authority", response.getAuthority());
        fields.put("ValidDate", response.getValidDate());
        fields.put("AdvancedInfo", response.getAdvancedInfo());
        StringBuilder reflect = new StringBuilder("[");
        ReflectDetailInfo[] infos = response.getReflectDetailInfos();
        if (infos != null) {
            for (ReflectDetailInfo info : infos) {
                reflect.append(reflect.length() > 1 ? "," : "").append(info.getPosition());
            }
        }
        fields.put("ReflectDetailInfos", infos == null ? null : reflect.append("]").toString());
        return fields;
    }

    /** The seed's FRONT sample as {@link #fields} shows it. */
    public static Map<String, Object> expectedFields(String name, String sex, String nation, String birth,
                                                     String address, String idNum, String authority,
                                                     String validDate, String advancedInfo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        fields.put("Sex", sex);
        fields.put("Nation", nation);
        fields.put("Birth", birth);
        fields.put("Address", address);
        fields.put("IdNum", idNum);
        fields.put("Authority", authority);
        fields.put("ValidDate", validDate);
        fields.put("AdvancedInfo", advancedInfo);
        fields.put("ReflectDetailInfos", "[]");
        return fields;
    }

    /** Calls IDCardOCR and returns {@code "<code>: <message>"} of the API error it must raise. */
    public static String apiError(OcrClient client, IDCardOCRRequest request) {
        try {
            client.IDCardOCR(request);
        } catch (TencentCloudSDKException e) {
            if (e.getRequestId() == null || !UUID.matcher(e.getRequestId()).matches()) {
                throw new AssertionError("error without a UUID RequestId: " + e, e);
            }
            return e.getErrorCode() + ": " + e.getMessage();
        }
        throw new AssertionError("expected an API error");
    }
}

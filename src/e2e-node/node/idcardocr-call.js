// One IDCardOCR call with Tencent's official Node.js SDK (tencentcloud-sdk-nodejs-ocr), as a user would make it,
// against the endpoint given. Prints the answer (or the SDK's error) as one JSON line for NodeSdkIT to check.
// Usage: node idcardocr-call.js ENDPOINT SECRET_ID SECRET_KEY IMAGE_BASE64 [REQ_METHOD]
const tencentcloud = require("tencentcloud-sdk-nodejs-ocr");

const [endpoint, secretId, secretKey, imageBase64, reqMethod] = process.argv.slice(2);
const client = new tencentcloud.ocr.v20181119.Client({
  credential: { secretId, secretKey },
  region: "ap-guangzhou",
  profile: { httpProfile: { endpoint, protocol: "http://", reqMethod: reqMethod || "POST", reqTimeout: 30 } },
});

client
  .IDCardOCR({ ImageBase64: imageBase64, CardSide: "FRONT", Config: JSON.stringify({ CropIdCard: false }) })
  .then((response) => console.log(JSON.stringify({ ok: true, Name: response.Name, IdNum: response.IdNum })))
  .catch((error) => console.log(JSON.stringify({ ok: false, Code: error.code, Message: error.message })));

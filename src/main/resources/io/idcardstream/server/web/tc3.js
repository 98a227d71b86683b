/*
 * TC3-HMAC-SHA256 (Tencent Cloud API 3.0) for one POST / call, computed in the browser with WebCrypto, the way
 * the SDKs sign: canonical request over content-type and host, string to sign, key derived from the SecretKey
 * through the date, the service and "tc3_request". The SecretKey is used only as HMAC key material here and is
 * never part of what is returned.
 *
 * Kept apart from the page logic so the signature can be checked on its own against the project's Java
 * implementation and the captured SDK vector (TryPageSignerTest).
 */
(function (global) {
  'use strict';

  var ALGORITHM = 'TC3-HMAC-SHA256';
  var CONTENT_TYPE = 'application/json; charset=utf-8';
  var SIGNED_HEADERS = 'content-type;host';
  var encoder = new TextEncoder();

  function subtle() {
    if (!global.crypto || !global.crypto.subtle) {
      throw new Error('WebCrypto is not available: open this page over https, or at http://127.0.0.1 or '
          + 'http://localhost (a secure context).');
    }
    return global.crypto.subtle;
  }

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  function sha256Hex(text) {
    return subtle().digest('SHA-256', encoder.encode(text)).then(hex);
  }

  function hmac(key, message) {
    return subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
        .then(function (cryptoKey) { return subtle().sign('HMAC', cryptoKey, encoder.encode(message)); })
        .then(function (signature) { return new Uint8Array(signature); });
  }

  /** The UTC date of a Unix time in seconds, as yyyy-MM-dd (the credential scope's date). */
  function utcDate(timestamp) {
    return new Date(timestamp * 1000).toISOString().substring(0, 10);
  }

  /**
   * Signs one call. request: { secretId, secretKey, host (as the browser sends it, e.g. "127.0.0.1:8090"),
   * service (the credential scope's service, e.g. "ocr"), action, version, timestamp (Unix seconds),
   * payload (the exact JSON text that will be sent) }.
   * Resolves to the headers to send: Authorization, Content-Type, X-TC-Action, X-TC-Version, X-TC-Timestamp.
   */
  function sign(request) {
    var date = utcDate(request.timestamp);
    var scope = date + '/' + request.service + '/tc3_request';
    return sha256Hex(request.payload).then(function (payloadHash) {
      var canonicalRequest = 'POST\n/\n\n'
          + 'content-type:' + CONTENT_TYPE + '\n'
          + 'host:' + request.host.trim().toLowerCase() + '\n\n'
          + SIGNED_HEADERS + '\n'
          + payloadHash;
      return sha256Hex(canonicalRequest);
    }).then(function (canonicalHash) {
      var stringToSign = ALGORITHM + '\n' + request.timestamp + '\n' + scope + '\n' + canonicalHash;
      return hmac(encoder.encode('TC3' + request.secretKey), date)
          .then(function (key) { return hmac(key, request.service); })
          .then(function (key) { return hmac(key, 'tc3_request'); })
          .then(function (key) { return hmac(key, stringToSign); });
    }).then(function (signature) {
      return {
        'Authorization': ALGORITHM + ' Credential=' + request.secretId + '/' + scope
            + ', SignedHeaders=' + SIGNED_HEADERS + ', Signature=' + hex(signature),
        'Content-Type': CONTENT_TYPE,
        'X-TC-Action': request.action,
        'X-TC-Version': request.version,
        'X-TC-Timestamp': String(request.timestamp)
      };
    });
  }

  global.IdCardTc3 = { sign: sign, CONTENT_TYPE: CONTENT_TYPE };
}(this));

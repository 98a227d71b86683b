/*
 * The try page: reads the form, builds the IDCardOCR request body, has tc3.js sign it, POSTs it to / exactly as
 * an SDK would, and shows the answer next to the image. There is no other way to the recogniser: the server
 * checks this call like any other (signature, rate limit, admission, size limits, SSRF guard for ImageUrl).
 * The SecretKey is read from its field when a call is made and is never stored or sent.
 */
(function () {
  'use strict';

  var ACTION = 'IDCardOCR';
  var VERSION = '2018-11-19';
  var SERVICE = 'ocr';
  /** Longer than the server's default request deadline (30 s) plus a slow upload. */
  var DEADLINE_MS = 90000;

  var FRONT_FIELDS = [
    ['Name', 'Name 姓名'], ['Sex', 'Sex 性别'], ['Nation', 'Nation 民族'], ['Birth', 'Birth 出生'],
    ['Address', 'Address 住址'], ['IdNum', 'IdNum 公民身份号码']
  ];
  var BACK_FIELDS = [['Authority', 'Authority 签发机关'], ['ValidDate', 'ValidDate 有效期限']];

  /** AdvancedInfo.WarnInfos codes (Tencent's list; -9100 and -9109 are the same warning, renumbered). */
  var WARNINGS = {
    '-9100': 'Invalid validity date',
    '-9101': 'Incomplete border',
    '-9102': 'Photocopy',
    '-9103': 'Re-shot from a screen or a photo',
    '-9104': 'Temporary ID card',
    '-9105': 'Something covers the card',
    '-9106': 'Suspected editing (PS)',
    '-9107': 'Glare',
    '-9108': 'Black-and-white photocopy',
    '-9109': 'Invalid validity date',
    '-9110': 'Electronic ID card',
    '-9111': 'Watermark'
  };

  /** The Config switches that ask for warnings; without one, an empty WarnInfos says nothing about the card. */
  var WARNING_SWITCHES = ['CopyWarn', 'ReshootWarn', 'BorderCheckWarn', 'InvalidDateWarn', 'TempIdWarn',
    'DetectPsWarn', 'ReflectWarn'];

  var form = byId('try-form');
  var submit = byId('submit');
  var previewUrl = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(element, text) {
    element.textContent = text;
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  function selected(name) {
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) {
        return inputs[i].value;
      }
    }
    return '';
  }

  function status(text) {
    setText(byId('status'), text);
  }

  /** JSON with every non-ASCII character escaped, so the bytes sent are exactly the characters signed. */
  function asciiJson(value) {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (c) {
      return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function configJson() {
    var config = {};
    var any = false;
    var boxes = form.querySelectorAll('input[data-config]');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) {
        config[boxes[i].getAttribute('data-config')] = true;
        any = true;
      }
    }
    return any ? JSON.stringify(config) : null;
  }

  /** The request parameters besides the image: only what differs from the API's defaults is sent. */
  function parameters() {
    var body = {};
    var side = selected('side');
    if (side) {
      body.CardSide = side;
    }
    var config = configJson();
    if (config) {
      body.Config = config;
    }
    if (!byId('flag-rectify').checked) {
      body.EnableRecognitionRectify = false;
    }
    if (!byId('flag-date-verify').checked) {
      body.EnableDateVerify = false;
    }
    if (byId('flag-reflect-detail').checked) {
      body.EnableReflectDetail = true;
    }
    if (byId('card-warn-type').value) {
      body.CardWarnType = byId('card-warn-type').value;
    }
    return body;
  }

  function readAsBase64(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var dataUrl = String(reader.result);
        resolve(dataUrl.substring(dataUrl.indexOf(',') + 1));
      };
      reader.onerror = function () {
        reject(new Error('The file could not be read.'));
      };
      reader.readAsDataURL(file);
    });
  }

  // ----- the image beside the answer -------------------------------------------------------------------------

  function showFilePreview(file) {
    var img = byId('preview');
    if (previewUrl) {
      URL.revokeObjectURL(previewUrl);
    }
    previewUrl = URL.createObjectURL(file);
    img.onload = null;
    img.onerror = null;
    img.src = previewUrl;
    img.hidden = false;
    setText(byId('preview-note'), file.name + ' · ' + Math.round(file.size / 1024) + ' KiB');
  }

  /** The browser loads the URL itself, if it can; the server never fetches it for the page. */
  function showUrlPreview(url) {
    var img = byId('preview');
    var note = byId('preview-note');
    img.hidden = true;
    img.removeAttribute('src');
    if (!/^https?:\/\//i.test(url)) {
      setText(note, 'Not shown: only http and https URLs are previewed.');
      return;
    }
    setText(note, 'Loading the preview in the browser…');
    img.onload = function () {
      img.hidden = false;
      setText(note, url);
    };
    img.onerror = function () {
      img.hidden = true;
      setText(note, 'The browser could not load this URL, so there is no preview. The server downloads the '
          + 'image itself, through its SSRF guard.');
    };
    img.src = url;
  }

  // ----- the answer ------------------------------------------------------------------------------------------

  function resetOutcome() {
    byId('outcome').hidden = false;
    byId('result-pane').hidden = false;
    byId('error').hidden = true;
    byId('result').hidden = true;
    setText(byId('request-id'), '');
    setText(byId('raw'), '');
  }

  function showError(code, message) {
    setText(byId('error-code'), code);
    setText(byId('error-message'), message);
    byId('error').hidden = false;
    byId('result').hidden = true;
  }

  function addRow(list, key, label, value) {
    var dt = document.createElement('dt');
    setText(dt, label);
    var dd = document.createElement('dd');
    dd.setAttribute('data-field', key);
    if (value === '' || value === null || value === undefined) {
      setText(dd, '—');
      dd.className = 'empty';
    } else {
      setText(dd, String(value));
    }
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function anyValue(response, fields) {
    for (var i = 0; i < fields.length; i++) {
      if (response[fields[i][0]]) {
        return true;
      }
    }
    return false;
  }

  function showFields(response) {
    var list = byId('fields');
    clear(list);
    var front = anyValue(response, FRONT_FIELDS);
    var back = anyValue(response, BACK_FIELDS);
    var groups = front || back ? [] : [FRONT_FIELDS, BACK_FIELDS];
    if (front) {
      groups.push(FRONT_FIELDS);
    }
    if (back) {
      groups.push(BACK_FIELDS);
    }
    for (var g = 0; g < groups.length; g++) {
      for (var i = 0; i < groups[g].length; i++) {
        addRow(list, groups[g][i][0], groups[g][i][1], response[groups[g][i][0]]);
      }
    }
  }

  function parseAdvancedInfo(text) {
    if (!text) {
      return {};
    }
    try {
      var parsed = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? parsed : {};
    } catch (e) {
      return {};
    }
  }

  /** WarnInfos as the real service sends them (integers) or as older documents show them ({Code, Msg}). */
  function warningCodes(advanced) {
    var codes = [];
    var infos = Array.isArray(advanced.WarnInfos) ? advanced.WarnInfos : [];
    for (var i = 0; i < infos.length; i++) {
      var code = infos[i] !== null && typeof infos[i] === 'object' ? infos[i].Code : infos[i];
      if (code !== undefined && code !== null && String(code) !== '') {
        codes.push(String(code));
      }
    }
    return codes;
  }

  function warningsRequested(body) {
    var config = body.Config ? JSON.parse(body.Config) : {};
    return WARNING_SWITCHES.some(function (name) { return config[name] === true; });
  }

  /** Requested warnings no detector looked for (the engine's WarnNotChecked extension): their absence says nothing. */
  function notCheckedCodes(advanced) {
    var codes = Array.isArray(advanced.WarnNotChecked) ? advanced.WarnNotChecked : [];
    return codes.filter(function (code) { return code !== null && String(code) !== ''; }).map(String);
  }

  function showWarnings(advanced, requested) {
    var list = byId('warnings');
    clear(list);
    var codes = warningCodes(advanced);
    var notChecked = notCheckedCodes(advanced);
    if (codes.length === 0) {
      var none = document.createElement('li');
      none.className = 'none';
      setText(none, !requested ? 'Not checked: no …Warn option was on.'
        : notChecked.length > 0 ? 'None of the warnings checked' : 'None');
      list.appendChild(none);
    }
    for (var i = 0; i < codes.length; i++) {
      var item = document.createElement('li');
      item.setAttribute('data-code', codes[i]);
      setText(item, codes[i] + ' ' + (WARNINGS[codes[i]] || 'Unknown warning code'));
      list.appendChild(item);
    }
    for (var j = 0; j < notChecked.length; j++) {
      var unchecked = document.createElement('li');
      unchecked.className = 'not-checked';
      unchecked.setAttribute('data-code', notChecked[j]);
      setText(unchecked, notChecked[j] + ' ' + (WARNINGS[notChecked[j]] || 'Unknown warning code')
        + ': not checked (no detector looked for it)');
      list.appendChild(unchecked);
    }
  }

  function showScores(advanced, response) {
    var list = byId('scores');
    clear(list);
    if (typeof advanced.Quality === 'number') {
      addRow(list, 'Quality', 'Quality (0–100, ≥ 50 is sharp enough)', advanced.Quality);
    }
    if (typeof advanced.BorderCodeValue === 'number') {
      addRow(list, 'BorderCodeValue', 'BorderCodeValue (0–100, ≤ 50 is complete)', advanced.BorderCodeValue);
    }
    var reflect = Array.isArray(response.ReflectDetailInfos) ? response.ReflectDetailInfos : [];
    if (reflect.length > 0) {
      var positions = [];
      for (var i = 0; i < reflect.length; i++) {
        positions.push(reflect[i] && reflect[i].Position);
      }
      addRow(list, 'ReflectDetailInfos', 'Glare at', positions.join(', '));
    }
    byId('scores-block').hidden = list.childNodes.length === 0;
  }

  function showCrop(figureId, base64) {
    var figure = byId(figureId);
    var img = figure.querySelector('img');
    if (typeof base64 === 'string' && base64 !== '') {
      img.src = 'data:image/jpeg;base64,' + base64;
      figure.hidden = false;
      return true;
    }
    img.removeAttribute('src');
    figure.hidden = true;
    return false;
  }

  /** The answer as received, with the crops' Base64 replaced by their length, for people to read. */
  function rawView(envelope, advanced) {
    var copy = JSON.parse(JSON.stringify(envelope));
    if (copy.Response && typeof copy.Response.AdvancedInfo === 'string' && copy.Response.AdvancedInfo !== '{}') {
      var shown = JSON.parse(JSON.stringify(advanced));
      ['IdCard', 'Portrait'].forEach(function (key) {
        if (typeof shown[key] === 'string') {
          shown[key] = '(' + shown[key].length + ' Base64 characters)';
        }
      });
      copy.Response.AdvancedInfo = shown;
    }
    return JSON.stringify(copy, null, 2);
  }

  /** Brings the outcome into view when it starts below the middle of the window (on a phone, below the form). */
  function revealOutcome() {
    var outcome = byId('outcome');
    if (outcome.getBoundingClientRect().top > window.innerHeight / 2) {
      outcome.scrollIntoView({ block: 'start' });
    }
  }

  function showAnswer(envelope, elapsedMs, requestedWarnings) {
    var response = envelope && envelope.Response;
    if (!response || typeof response !== 'object') {
      showError('(not an API answer)', 'The server answered JSON without a Response object.');
      return;
    }
    setText(byId('request-id'), 'RequestId ' + response.RequestId + ' · ' + elapsedMs + ' ms');
    if (response.Error) {
      showError(String(response.Error.Code), String(response.Error.Message));
      setText(byId('raw'), JSON.stringify(envelope, null, 2));
      status('The API answered an error.');
      return;
    }
    var advanced = parseAdvancedInfo(response.AdvancedInfo);
    showFields(response);
    showWarnings(advanced, requestedWarnings);
    showScores(advanced, response);
    var crops = showCrop('crop-idcard', advanced.IdCard);
    crops = showCrop('crop-portrait', advanced.Portrait) || crops;
    byId('crops-block').hidden = !crops;
    byId('result').hidden = false;
    setText(byId('raw'), rawView(envelope, advanced));
    status('Recognised in ' + elapsedMs + ' ms.');
  }

  // ----- the call --------------------------------------------------------------------------------------------

  /** XMLHttpRequest rather than fetch: every browser has it natively, with a deadline of its own. */
  function post(headers, payload) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/', true);
      xhr.timeout = DEADLINE_MS;
      Object.keys(headers).forEach(function (name) {
        xhr.setRequestHeader(name, headers[name]);
      });
      xhr.onload = function () {
        resolve({ status: xhr.status, text: xhr.responseText });
      };
      xhr.onerror = function () {
        reject(new Error('the server could not be reached.'));
      };
      xhr.ontimeout = function () {
        reject(new Error('no answer within ' + (DEADLINE_MS / 1000) + ' s.'));
      };
      xhr.send(payload);
    });
  }

  function imageParameters() {
    if (selected('source') === 'url') {
      var url = byId('image-url').value.trim();
      showUrlPreview(url);
      return Promise.resolve(url ? { ImageUrl: url } : {});
    }
    var files = byId('image-file').files;
    if (!files || files.length === 0) {
      byId('preview').hidden = true;
      setText(byId('preview-note'), 'No image chosen.');
      return Promise.resolve({});
    }
    showFilePreview(files[0]);
    return readAsBase64(files[0]).then(function (base64) {
      return { ImageBase64: base64 };
    });
  }

  function recognise(event) {
    event.preventDefault();
    var secretId = byId('secret-id').value.trim();
    var secretKey = byId('secret-key').value;
    resetOutcome();
    if (!secretId || !secretKey) {
      showError('(not sent)', 'Enter a SecretId and its SecretKey: the page signs the call with them.');
      status('');
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status('Reading the image…');
    var started = Date.now();
    var requestedWarnings = false;
    imageParameters().then(function (image) {
      var body = parameters();
      requestedWarnings = warningsRequested(body);
      Object.keys(image).forEach(function (key) { body[key] = image[key]; });
      var payload = asciiJson(body);
      status('Signing…');
      return window.IdCardTc3.sign({
        secretId: secretId, secretKey: secretKey, host: window.location.host, service: SERVICE,
        action: ACTION, version: VERSION, timestamp: Math.floor(Date.now() / 1000), payload: payload
      }).then(function (headers) {
        status('Waiting for the server…');
        started = Date.now();
        return post(headers, payload);
      });
    }).then(function (result) {
      var envelope;
      try {
        envelope = JSON.parse(result.text);
      } catch (e) {
        showError('HTTP ' + result.status, 'The server did not answer with JSON.');
        status('');
        return;
      }
      showAnswer(envelope, Date.now() - started, requestedWarnings);
    }).catch(function (failure) {
      showError('(no answer)', 'The call could not be made: '
          + (failure && failure.message ? failure.message : String(failure)));
      status('');
    }).then(function () {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
      revealOutcome();
    });
  }

  function showSource() {
    var url = selected('source') === 'url';
    byId('url-row').hidden = !url;
    byId('file-row').hidden = url;
  }

  function init() {
    // Browsers offer crypto.subtle only in a secure context (https, or http on 127.0.0.1 / localhost).
    if (!window.crypto || !window.crypto.subtle || !window.IdCardTc3) {
      var warning = byId('context-warning');
      setText(warning, 'This page signs calls with WebCrypto, which browsers offer only in a secure context. '
          + 'Open it at http://127.0.0.1:PORT/try or http://localhost:PORT/try (an SSH tunnel works), or serve '
          + 'it over https.');
      warning.hidden = false;
      submit.disabled = true;
    }
    byId('source-file').addEventListener('change', showSource);
    byId('source-url').addEventListener('change', showSource);
    byId('image-file').addEventListener('change', function () {
      var files = byId('image-file').files;
      if (files && files.length > 0) {
        // A new image: the answer shown so far belongs to another one.
        byId('outcome').hidden = false;
        byId('result-pane').hidden = true;
        showFilePreview(files[0]);
      }
    });
    form.addEventListener('submit', recognise);
    showSource();
    // Marks the form as wired, for people's tools and the page's tests alike.
    form.setAttribute('data-ready', 'true');
  }

  init();
}());

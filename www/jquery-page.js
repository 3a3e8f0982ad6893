// The jQuery page's own script, as such a page has it: the validation plugin with its own rules and messages. The
// classic script guards the same inputs beside it (normalising as you type), so the plugin's rule sees the
// canonical code.
$.validator.addMethod('pccc', (value) => /^P\d{12}$/.test(value), 'P와 숫자 12자리입니다.');
$('#order').validate({
  rules: { name: { required: true }, pccc: { required: true, pccc: true } },
  messages: { name: '이름을 입력해 주세요.', pccc: { required: '개인통관고유부호를 입력해 주세요.' } },
});
document.body.dataset.plugin = '';

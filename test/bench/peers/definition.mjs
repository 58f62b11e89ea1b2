// The one 16-field petition every form in the peers' bench renders (issue #21 item 3): the kit's own intake
// questions, written once here and turned into each peer's format — SurveyJS JSON, Form.io JSON and GC Design
// System markup. The first question is the danger question in every one.
const yesNo = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

export const FIELDS = [
  { name: 'danger', type: 'radio', label: '您现在有危险吗？', required: true, options: [{ value: 'yes', label: '有危险' }, { value: 'no', label: '目前安全' }] },
  {
    name: 'category',
    type: 'radio',
    label: '您遇到的是哪类问题？',
    required: true,
    options: [
      { value: 'domestic-violence', label: '家庭暴力' },
      { value: 'marriage-family', label: '婚姻家庭纠纷' },
      { value: 'labor', label: '劳动权益' },
      { value: 'child', label: '儿童权益' },
      { value: 'general', label: '其他' },
    ],
  },
  { name: 'description', type: 'textarea', label: '请描述发生了什么', required: true },
  { name: 'incidentDate', type: 'date', label: '事情发生的日期' },
  { name: 'place', type: 'text', label: '事情发生的地点' },
  { name: 'onBehalfOf', type: 'radio', label: '您是替谁求助？', required: true, options: [{ value: 'self', label: '我自己' }, { value: 'other', label: '他人' }] },
  { name: 'anonymous', type: 'radio', label: '匿名求助吗？', required: true, options: yesNo },
  { name: 'name', type: 'text', label: '姓名或称呼' },
  { name: 'phone', type: 'tel', label: '手机号码' },
  { name: 'email', type: 'email', label: '电子邮箱' },
  { name: 'preferred', type: 'radio', label: '希望怎样联系您？', options: [{ value: 'phone', label: '电话' }, { value: 'sms', label: '短信' }, { value: 'email', label: '邮件' }] },
  { name: 'safeToContact', type: 'radio', label: '我们联系您安全吗？', required: true, options: yesNo },
  { name: 'safeTimes', type: 'text', label: '什么时间联系您方便？' },
  { name: 'voicemail', type: 'radio', label: '可以给您留语音留言吗？', options: yesNo },
  { name: 'station', type: 'select', label: '离您最近的服务站点', options: [{ value: 'qh', label: '青禾县妇联' }, { value: 'dg', label: '东关街道' }, { value: 'hx', label: '河西镇' }] },
  { name: 'consent', type: 'checkbox', label: '我同意妇联为处理求助保存和使用以上信息', required: true },
];

/** SurveyJS (survey-core) JSON. */
export const surveyJson = {
  locale: 'zh-cn',
  showQuestionNumbers: 'off',
  elements: FIELDS.map((f) => {
    const base = { name: f.name, title: f.label, isRequired: Boolean(f.required) };
    if (f.type === 'radio') return { ...base, type: 'radiogroup', choices: f.options.map((o) => ({ value: o.value, text: o.label })) };
    if (f.type === 'select') return { ...base, type: 'dropdown', choices: f.options.map((o) => ({ value: o.value, text: o.label })) };
    if (f.type === 'textarea') return { ...base, type: 'comment' };
    if (f.type === 'checkbox') return { ...base, type: 'boolean', renderAs: 'checkbox' };
    return { ...base, type: 'text', inputType: f.type };
  }),
};

/** Form.io JSON. */
export const formioJson = {
  display: 'form',
  components: [
    ...FIELDS.map((f) => {
      const base = { key: f.name, label: f.label, input: true, validate: { required: Boolean(f.required) } };
      if (f.type === 'radio') return { ...base, type: 'radio', values: f.options.map((o) => ({ value: o.value, label: o.label })) };
      if (f.type === 'select') return { ...base, type: 'select', data: { values: f.options.map((o) => ({ value: o.value, label: o.label })) } };
      if (f.type === 'textarea') return { ...base, type: 'textarea' };
      if (f.type === 'checkbox') return { ...base, type: 'checkbox' };
      if (f.type === 'date') return { ...base, type: 'textfield', inputType: 'date' };
      if (f.type === 'email') return { ...base, type: 'email' };
      if (f.type === 'tel') return { ...base, type: 'phoneNumber' };
      return { ...base, type: 'textfield' };
    }),
    { type: 'button', action: 'submit', label: '提交', key: 'submit', input: true },
  ],
};

const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** GC Design System markup (its web components). */
export function gcdsMarkup() {
  return FIELDS.map((f) => {
    const req = f.required ? ' required' : '';
    if (f.type === 'radio')
      return `<gcds-radios name="${f.name}" legend="${attr(f.label)}"${req} options='${attr(JSON.stringify(f.options.map((o, i) => ({ id: `${f.name}-${i}`, label: o.label, value: o.value }))))}'></gcds-radios>`;
    if (f.type === 'select')
      return `<gcds-select select-id="${f.name}" name="${f.name}" label="${attr(f.label)}"${req}>${f.options.map((o) => `<option value="${o.value}">${attr(o.label)}</option>`).join('')}</gcds-select>`;
    if (f.type === 'textarea') return `<gcds-textarea textarea-id="${f.name}" name="${f.name}" label="${attr(f.label)}"${req}></gcds-textarea>`;
    if (f.type === 'checkbox')
      return `<gcds-checkboxes name="${f.name}" legend="${attr(f.label)}"${req} options='${attr(JSON.stringify([{ id: f.name, label: f.label, value: 'yes' }]))}'></gcds-checkboxes>`;
    return `<gcds-input input-id="${f.name}" name="${f.name}" type="${f.type}" label="${attr(f.label)}"${req}></gcds-input>`;
  }).join('\n');
}

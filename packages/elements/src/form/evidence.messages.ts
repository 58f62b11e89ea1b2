import { defineMessages } from '../base/i18n.js';

const enFiles = new Intl.PluralRules('en');
const files = (n: number) => `${n} ${enFiles.select(n) === 'one' ? 'file' : 'files'}`;

/**
 * The evidence picker's strings (form/evidence-picker.ts), loaded with it. `{name}` is her file's name; sizes come
 * formatted. Plain words about what is removed from a photo, and what happens when it cannot be.
 */
export const messages = defineMessages({
  'zh-CN': {
    choose: '选择照片或文件',
    hintIntake: (max: number) =>
      `可以添加伤情照片、威胁信息的截图、判决书或合同：照片（JPEG、PNG、HEIC）或 PDF 文件，最多 ${max} 个，每个不超过 10 MB。`,
    hintTracker: (max: number) => `还可以添加 ${max} 个照片或 PDF 文件，每个不超过 10 MB。`,
    removed:
      '发送之前，本页面会在您的手机上去掉照片里隐藏的信息：拍摄地点（GPS 位置）、拍摄时间、手机品牌和型号。PDF 文件里的作者等信息也会清除。照片的画面不变。',
    notKept: '照片和文件只在发送时使用，不会保存在这台设备上。',
    preparing: '正在去掉隐藏信息…',
    listLabel: '已选择的文件',
    remove: '移除',
    cleaned: '已去掉隐藏信息',
    tooLarge: (name: string, max: string) => `“${name}”太大了，每个文件最多 ${max}。请选择小一些的文件，或截图后添加截图。`,
    wrongType: (name: string) => `“${name}”不是照片或 PDF 文件，没有添加。只能添加 JPEG、PNG、HEIC 照片或 PDF 文件。`,
    tooMany: (max: number) => `最多只能添加 ${max} 个文件，没有再添加。如需添加别的文件，请先移除一个。`,
    heic: (name: string) =>
      `这部手机的浏览器打不开“${name}”这种照片（HEIC 格式）。请在相机设置里选择“兼容性最佳”（JPEG）后重新拍摄，或者把照片截图，添加截图。`,
    unreadable: (name: string) => `“${name}”打不开，可能已经损坏，没有添加。请换一个文件。`,
    location: (name: string) => `没能去掉“${name}”里的位置信息。为了您的安全，没有添加它。请把它截图，添加截图。`,
    progressLabel: '发送进度',
    progress: (percent: number) => `正在发送照片和文件：已完成 ${percent}%。`,
    progressDone: '照片和文件已全部发送。',
    uploadFailed: '照片和文件没能发送完。网络恢复后，再按一次发送，会从中断的地方继续。',
    refused: (name: string) => `服务器没有接收“${name}”。请移除它，或截图后添加截图。`,
    summary: (n: number) => `${n} 个文件`,
    send: '发送照片和文件',
    sending: '正在发送…',
    sent: '照片和文件已添加到您的案件，办理人员会看到。',
    closed: '这个案件已经结案，不能再添加文件。如需帮助，请拨打 12338。',
    notQueued: '照片和文件不会保存在这台设备上，只保存文字内容。请求送出后，您可以在“查询进度”里用案件编号和查询码再添加照片和文件。',
  },
  en: {
    choose: 'Choose photos or files',
    hintIntake: (max: number) =>
      `You can add photos of injuries, screenshots of threats, a court judgment or a contract: photos (JPEG, PNG, HEIC) or PDF files, at most ${max}, each up to 10 MB.`,
    hintTracker: (max: number) => `You can add ${files(max)} more, photos or PDF, each up to 10 MB.`,
    removed:
      'Before anything is sent, this page removes the hidden information in photos on your phone: where it was taken (GPS location), when, and the phone’s make and model. The author and similar details are removed from PDF files too. The picture itself does not change.',
    notKept: 'Photos and files are used only to send them. They are not kept on this device.',
    preparing: 'Removing hidden information…',
    listLabel: 'Files chosen',
    remove: 'Remove',
    cleaned: 'hidden information removed',
    tooLarge: (name: string, max: string) => `“${name}” is too large: each file can be at most ${max}. Choose a smaller file, or take a screenshot and add that.`,
    wrongType: (name: string) => `“${name}” is not a photo or a PDF file, so it was not added. You can add JPEG, PNG or HEIC photos and PDF files.`,
    tooMany: (max: number) => `You can add at most ${files(max)}, so no more were added. To add another, remove one first.`,
    heic: (name: string) =>
      `This phone’s browser cannot open “${name}” (a HEIC photo). Set the camera to “Most Compatible” (JPEG) and take it again, or take a screenshot of the photo and add that.`,
    unreadable: (name: string) => `“${name}” cannot be opened; it may be damaged, so it was not added. Choose another file.`,
    location: (name: string) => `The location could not be removed from “${name}”, so for your safety it was not added. Take a screenshot of it and add that.`,
    progressLabel: 'Sending',
    progress: (percent: number) => `Sending photos and files: ${percent}% done.`,
    progressDone: 'All photos and files are sent.',
    uploadFailed: 'The photos and files could not all be sent. When the connection is back, press send again: it continues where it stopped.',
    refused: (name: string) => `The server did not accept “${name}”. Remove it, or take a screenshot and add that.`,
    summary: (n: number) => files(n),
    send: 'Send the photos and files',
    sending: 'Sending…',
    sent: 'The photos and files are added to your case. The office will see them.',
    closed: 'This case is closed, so no more files can be added. For help, call 12338.',
    notQueued: 'Photos and files are not kept on this device: only the text is. Once the request is sent, you can add the photos and files in “Follow your case” with its reference and access code.',
  },
});

export type EvidenceMessages = ReturnType<typeof messages>;

import { defineMessages } from '../../base/i18n.js';

/** The desk's catalogue screen (issue #14 item 4): administrators only, loaded when she opens it. */
export const catalogueMessages = defineMessages({
  'zh-CN': {
    heading: '目录管理',
    intro: '目录包括问题类别及其问题、服务站点、热线和分派规则。可以导出为 JSON 文件保存或修改，再导入替换整个目录：有任何问题时什么都不会改变。',
    counts: (c: number, s: number, h: number, r: number) => `类别 ${c} 个，站点 ${s} 个，热线 ${h} 条，分派规则 ${r} 条。`,
    categories: '类别',
    stations: '站点',
    hotlines: '热线',
    exportButton: '导出目录',
    importLabel: '导入目录（JSON 文件）',
    importing: '正在导入…',
    imported: '目录已导入并生效。',
    refused: '目录未导入，什么都没有改变。请修改以下问题后重新导入：',
    notJson: '这个文件不是有效的 JSON。',
    loadFailed: '无法读取目录。',
    importFailed: '导入失败，请稍后再试。',
    retry: '重试',
    issueAt: (path: string, message: string) => `${path}：${message}`,
    whole: '整个文件',
  },
  en: {
    heading: 'Catalogue',
    intro: 'The catalogue holds the categories and their questions, the stations, the hotlines and the routing rules. Export it as a JSON file to keep or edit, then import it to replace the whole catalogue: if anything is wrong, nothing changes.',
    counts: (c: number, s: number, h: number, r: number) => `${c} categories, ${s} stations, ${h} hotlines, ${r} routing rules.`,
    categories: 'Categories',
    stations: 'Stations',
    hotlines: 'Hotlines',
    exportButton: 'Export the catalogue',
    importLabel: 'Import a catalogue (JSON file)',
    importing: 'Importing…',
    imported: 'The catalogue was imported and is in effect.',
    refused: 'The catalogue was not imported; nothing changed. Put these right and import it again:',
    notJson: 'This file is not valid JSON.',
    loadFailed: 'The catalogue could not be read.',
    importFailed: 'Importing failed; try again later.',
    retry: 'Try again',
    issueAt: (path: string, message: string) => `${path}: ${message}`,
    whole: 'the whole file',
  },
});
export type CatalogueMessages = ReturnType<typeof catalogueMessages>;

import type { AppDeps } from '../../deps.ts';
import type { Reply } from '../../reply.ts';
import type { FileUpload } from '../../../domain/media.ts';
import type { Recap } from '../../../domain/recap/recap.ts';

/** The recap's workbook and chart, named after the period (rekap-2026-11.xlsx, grafik-2026-11.png). */
export async function recapFiles(deps: AppDeps, recap: Recap): Promise<{ readonly workbook: FileUpload; readonly chart: FileUpload }> {
  const [workbook, chart] = [await deps.recapRenderer.workbook(recap), await deps.recapRenderer.chart(recap)];
  const m = deps.messages.recap;
  return {
    workbook: { kind: 'document', fileName: m.workbookFileName(recap.period.key), bytes: workbook },
    chart: { kind: 'photo', fileName: m.chartFileName(recap.period.key), bytes: chart },
  };
}

export async function recapReplies(deps: AppDeps, recap: Recap, text: string, withWorkbook: boolean): Promise<Reply[]> {
  const m = deps.messages.recap;
  const files = await recapFiles(deps, recap);
  return [
    { text },
    ...(withWorkbook ? [{ text: m.workbookCaption(recap), attachment: files.workbook }] : []),
    { text: m.chartCaption(recap), attachment: files.chart },
  ];
}

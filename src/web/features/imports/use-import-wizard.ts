import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { ColumnMapping } from '../../../shared/import/fields.js';
import {
  type ImportMode,
  type InspectInput,
  type Inspection,
  type StartImportInput,
  type UploadedFile,
  useInspectImport,
  useStartImport,
  useUploadImportFile,
} from './imports-api.js';

export type ImportSource = { operatorId: string | null; programId: string | null; trackId: string | null };
export type ImportSettings = { mode: ImportMode; asMembers: boolean; dryRun: boolean };

export const wizardSteps = ['source', 'layout', 'mapping', 'preview'] as const;

/**
 * The import wizard's state: where the rows go, the uploaded file, the sheet and header row, the column mapping and
 * the preview. Every step asks the server (inspect) so what the preview shows is what the import will do.
 */
export function useImportWizard(defaultOperatorId: string | null) {
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [source, setSourceState] = useState<ImportSource>({ operatorId: null, programId: null, trackId: null });
  const [upload, setUpload] = useState<UploadedFile | null>(null);
  const [layout, setLayout] = useState<Inspection | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState(1);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [settings, setSettings] = useState<ImportSettings>({ mode: 'create', asMembers: false, dryRun: false });
  const [preview, setPreview] = useState<Inspection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const uploadFile = useUploadImportFile();
  const inspect = useInspectImport();
  const startImport = useStartImport();
  const operatorId = source.operatorId ?? defaultOperatorId;

  async function attempt(work: () => Promise<void>): Promise<void> {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    }
  }

  const ask = (fileId: string, extra: Partial<InspectInput>) =>
    inspect.mutateAsync({
      operatorId: operatorId ?? '',
      fileId,
      programId: source.programId,
      trackId: source.trackId,
      mode: settings.mode,
      ...extra,
    });

  /** A new sheet or header row: the server guesses again, and its suggestion replaces the mapping. */
  const applyLayout = (answer: Inspection) => {
    setLayout(answer);
    setSheet(answer.sheet);
    setHeaderRow(answer.headerRow);
    setMapping(answer.suggested);
    setPreview(null);
  };

  return {
    step,
    source,
    operatorId,
    upload,
    layout,
    sheet,
    headerRow,
    mapping,
    settings,
    preview,
    error,
    busy: uploadFile.isPending || inspect.isPending || startImport.isPending,
    uploading: uploadFile.isPending,
    setHeaderRow,
    setMapping,
    setSettings: (next: Partial<ImportSettings>) => setSettings((s) => ({ ...s, ...next })),
    /** A different operator means a different file store: the file is uploaded again. */
    setSource: (next: Partial<ImportSource>) => {
      if (next.operatorId !== undefined && next.operatorId !== source.operatorId) {
        setUpload(null);
        setLayout(null);
        setPreview(null);
      }
      setSourceState((s) => ({ ...s, ...next }));
    },
    goTo: (target: number) => {
      if (target < step) {
        setError(null);
        setStep(target);
      }
    },
    continueWithUpload: () => {
      if (upload && layout) setStep(1);
    },
    uploadAndInspect: (file: File) =>
      attempt(async () => {
        if (!operatorId) return;
        const uploaded = await uploadFile.mutateAsync({ operatorId, file });
        setUpload(uploaded);
        applyLayout(await ask(uploaded.fileId, {}));
        setStep(1);
      }),
    chooseSheet: (next: string) =>
      attempt(async () => {
        if (!upload) return;
        setSheet(next);
        applyLayout(await ask(upload.fileId, { sheet: next }));
      }),
    confirmLayout: () =>
      attempt(async () => {
        if (!upload || !sheet) return;
        // Unchanged: keep the person's mapping (they may have come back from the next step).
        if (layout && layout.sheet === sheet && layout.headerRow === headerRow) {
          setStep(2);
          return;
        }
        applyLayout(await ask(upload.fileId, { sheet, headerRow }));
        setStep(2);
      }),
    confirmMapping: () =>
      attempt(async () => {
        if (!upload || !sheet) return;
        setPreview(await ask(upload.fileId, { sheet, headerRow, mapping }));
        setStep(3);
      }),
    start: () =>
      attempt(async () => {
        if (!upload || !sheet || !operatorId) return;
        const body: StartImportInput = {
          fileId: upload.fileId,
          operatorId,
          programId: source.programId,
          trackId: source.trackId,
          sheet,
          headerRow,
          mapping,
          ...settings,
        };
        const started = await startImport.mutateAsync(body);
        await navigate({ to: '/imports/$id', params: { id: started.id } });
      }),
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;

import { useQuery } from '@tanstack/react-query';
import type { StageStatus } from '../../../shared/participants.js';
import { api } from '../../app/api.js';

export type MyRecord = {
  personId: string;
  fullName: string;
  nikMasked: string;
  operatorName: string;
  districtName: string;
  villageName: string;
  code: string;
  phone: string | null;
  email: string | null;
  status: string;
  businesses: Array<{ id: string; name: string; status: string }>;
  stages: Array<{ stage: number; key: string; status: StageStatus; since: string | null }>;
};

export const myRecordKey = ['me', 'member'] as const;

export function useMyRecord() {
  return useQuery({ queryKey: myRecordKey, queryFn: ({ signal }) => api<MyRecord>('/api/me/member', { signal }) });
}

/** The member card QR as an image URL, drawn in the browser (the code never leaves the page). */
export async function qrImage(text: string, width = 240): Promise<string> {
  const QRCode = await import('qrcode');
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width });
}

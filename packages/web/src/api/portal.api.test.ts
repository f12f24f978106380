import { describe, expect, it } from 'vitest';
import { disclosuresCsvUrl, qrcodeUrl, reportUrl } from './portal.api';

describe('reportUrl', () => {
  it('asks for a standard report without range or categories', () => {
    expect(reportUrl('91410402MAA0M6D717', { kind: 'standard', from: '2026-01-01', categories: ['administrative_penalty'] })).toBe(
      '/api/v1/subjects/91410402MAA0M6D717/report.pdf?kind=standard',
    );
  });
  it('passes range and categories of a special report, comma-separated', () => {
    expect(
      reportUrl('91410402MAA0M6D717', { kind: 'special', from: '2025-01-01', to: '2026-11-29', categories: ['administrative_penalty', 'serious_dishonesty_list'] }, 'json'),
    ).toBe('/api/v1/subjects/91410402MAA0M6D717/report.json?kind=special&from=2025-01-01&to=2026-11-29&categories=administrative_penalty%2Cserious_dishonesty_list');
    expect(reportUrl('x y', { kind: 'special', categories: [] })).toBe('/api/v1/subjects/x%20y/report.pdf?kind=special');
  });
});

describe('other links', () => {
  it('builds the 信用码 and CSV links', () => {
    expect(qrcodeUrl('91410402MAA0M6D717')).toBe('/api/v1/subjects/91410402MAA0M6D717/qrcode.svg');
    expect(disclosuresCsvUrl({ catalog: 'administrative_penalty', department: '', from: '2026-01-01' })).toBe(
      '/api/v1/disclosures.csv?catalog=administrative_penalty&from=2026-01-01',
    );
  });
});

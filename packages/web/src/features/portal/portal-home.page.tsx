import { Link } from 'react-router';
import { PORTAL_PATHS } from '../../lib/paths';
import { SearchBox } from './search-box';
import { SITE_NAME, usePortalTitle } from './use-portal-title';

/** `/`: one search box, and where else the public can go. */
export function PortalHomePage() {
  usePortalTitle(SITE_NAME);
  return (
    <>
      <section className="portal-hero">
        <h1>信用信息查询</h1>
        <p style={{ color: 'rgba(0, 0, 0, 0.65)', margin: '0 0 24px' }}>查询平顶山市法人、非法人组织和个体工商户公示的行政许可、行政处罚、严重失信主体名单等信用信息</p>
        <SearchBox />
      </section>
      <section className="portal-panel" aria-labelledby="home-more" style={{ maxWidth: 680, margin: '24px auto 0' }}>
        <h2 id="home-more" style={{ fontSize: 18, marginTop: 0 }}>
          更多服务
        </h2>
        <ul className="portal-text" style={{ margin: 0, paddingLeft: 20, lineHeight: 2 }}>
          <li>
            <Link to={PORTAL_PATHS.disclosures}>双公示</Link>：按部门、类别和日期浏览行政许可、行政处罚等公示信息，可导出 CSV
          </li>
          <li>
            <Link to={PORTAL_PATHS.dishonestyList}>严重失信主体名单</Link>：按部门和列入日期浏览公示中的严重失信主体名单，可导出 CSV
          </li>
          <li>在主体的信用档案中可下载信用报告（标准版或专项版），报告上的二维码可扫码核验真伪</li>
          <li>
            <Link to="/verify">核验信用报告</Link>：输入报告编号查看报告是否真实有效
          </li>
        </ul>
      </section>
    </>
  );
}

// "Which way to go live": the four ways side by side, condensed from docs/going-live-guide.md
// (which holds the details and the sources).

const zh = {
  ways: {
    head: { mini: '小程序直播', channels: '视频号直播', cloud: '腾讯云标准直播 + live-player', plugin: '腾讯云“小程序·云直播”插件' },
    rows: {
      who: {
        label: '谁能用',
        mini: '满足准入要求的小程序；新开通已冻结，已开通的账号照常使用',
        channels: '任何人，个人也可直接开播，无需额外认证',
        cloud: '使用腾讯云云直播的团队；live-player 仅限部分类目',
        plugin: '中国大陆非个人主体，电商或教育类目，需控制台审核',
      },
      setup: {
        label: '准备工作',
        mini: 'app.json 声明直播组件并发布；主播实名认证；建直播间',
        channels: '在视频号助手复制推流地址和密钥',
        cloud: '推流/播放域名、鉴权密钥、带签名地址；页面放 live-player',
        plugin: '审核约 5 个工作日、付费授权插件、专用推流/播放域名',
      },
      audience: {
        label: '观众看到',
        mini: '直播组件页：货架、评论、点赞、分享、订阅、小窗',
        channels: '微信内的视频号直播，可分享、演示、抽奖',
        cloud: '小程序自己页面里的播放器',
        plugin: '资料未提及',
      },
      selling: {
        label: '怎么卖货',
        mini: '直播间商品：商品库审核、导入、上下架、推送卡片',
        channels: '视频号小店（常经服务商）或交易组件（标准版/自定义版）',
        cloud: '资料未提及',
        plugin: '资料未提及',
      },
      control: {
        label: '团队的控制',
        mini: '完整服务端接口：直播间、商品、角色、小助手、开关、提醒',
        channels: '只能单点直播，没有直播间接口',
        cloud: '自己的域名、密钥、有效期、转码模板',
        plugin: '资料未提及',
      },
      livedesk: {
        label: 'LiveDesk 能做的',
        mini: '直播间与商品全部操作、OBS、控制台、日志、状态监控、本页检查',
        channels: '作为自定义 RTMP 推流目标（测试地址、发送到 OBS）',
        cloud: '签名推流/播放地址；live-player 代码片段',
        plugin: '暂无专门支持',
      },
    },
  },
}

const en: typeof zh = {
  ways: {
    head: { mini: 'Mini Program live (小程序直播)', channels: 'Channels live (视频号)', cloud: 'Tencent Cloud live + live-player', plugin: 'Tencent Cloud live plugin (小程序·云直播)' },
    rows: {
      who: {
        label: 'Who can use it',
        mini: 'Mini programs meeting the access requirements; new activations frozen, activated ones keep working',
        channels: 'Anyone; individuals can go live with no extra verification',
        cloud: 'Teams on Tencent Cloud live; live-player only for some categories',
        plugin: 'Mainland non-individual entities, e-commerce or education, approved in the console',
      },
      setup: {
        label: 'Setting up',
        mini: 'Declare the plugin in app.json and release; anchor verifies real name; create rooms',
        channels: 'Copy the push address and key from Channels assistant',
        cloud: 'Push/play domains, auth keys, signed URLs; a live-player on a page',
        plugin: 'About 5 working days of review, a paid plugin licence, dedicated domains',
      },
      audience: {
        label: 'What viewers see',
        mini: "The plugin's page: goods shelf, comments, likes, sharing, subscribe, mini window",
        channels: 'Channels live inside WeChat: sharing, slides, lucky draws',
        cloud: "A player in the mini program's own page",
        plugin: 'Not in the sources',
      },
      selling: {
        label: 'Selling',
        mini: 'Room goods: library audit, import, on/off sale, pushed cards',
        channels: 'Channels shop (often through providers) or the trade component (standard/custom)',
        cloud: 'Not in the sources',
        plugin: 'Not in the sources',
      },
      control: {
        label: 'Control the team keeps',
        mini: 'A full server API: rooms, goods, roles, assistants, switches, reminders',
        channels: 'Single broadcasts only; no room API',
        cloud: 'Own domains, keys, validity, transcoding templates',
        plugin: 'Not in the sources',
      },
      livedesk: {
        label: 'What LiveDesk does',
        mini: 'Every room and goods action, OBS, the console, the journal, live status, this check',
        channels: 'A custom RTMP destination (test address, send to OBS)',
        cloud: 'Signed push and play URLs; the live-player snippet',
        plugin: 'No dedicated support yet',
      },
    },
  },
}

export default { 'zh-CN': zh, en }
